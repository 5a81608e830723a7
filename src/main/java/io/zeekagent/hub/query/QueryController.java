package io.zeekagent.hub.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/queries}: one-shot queries, "what is running on host X now" for SOAR playbooks. */
@RestController
@RequestMapping("/api/v1/queries")
@Tag(name = "Queries", description = "One-shot queries: run a SELECT once on hosts and collect the rows")
class QueryController {

    static final String RESPOND_ASYNC = "respond-async";
    static final int RETRY_AFTER_SECONDS = 2;

    private final OneShotQueryService queries;

    QueryController(OneShotQueryService queries) {
        this.queries = queries;
    }

    @PostMapping
    @Operation(
            operationId = "runQuery",
            summary = "Run a query once on hosts",
            description = "Sends host_execute to every ONLINE target (the named hosts ∪ members of the named groups;"
                    + " every ONLINE host when neither is given). Poll the answers with GET /api/v1/queries/{id}.")
    @ApiResponse(responseCode = "202", description = "Sent; poll the Location for the answers")
    ResponseEntity<QueryAccepted> create(@Valid @RequestBody CreateQueryRequest request) {
        QueryAccepted accepted = queries.create(request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/queries/" + accepted.id()))
                .body(accepted);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getQueryAnswers",
            summary = "Answers of a one-shot query",
            description = "Rows per host plus the hosts that have not answered. With waitSeconds, waits (at most"
                    + " hub.queries.max-wait) until every host answered or the time is up. With"
                    + " `Prefer: respond-async` the answer is 202 with Retry-After while hosts are pending and 200"
                    + " once complete, so stock async pollers (Logic Apps, XSOAR GenericPolling) can follow it.")
    @ApiResponse(responseCode = "200", description = "The answers (complete, or anything without respond-async)")
    @ApiResponse(
            responseCode = "202",
            description = "With Prefer: respond-async, hosts are still pending; the body holds the answers so far",
            headers = {
                @Header(
                        name = "Retry-After",
                        description = "Seconds to wait before polling again",
                        schema = @Schema(type = "integer")),
                @Header(name = "Preference-Applied", description = "respond-async", schema = @Schema(type = "string"))
            },
            content = @Content(schema = @Schema(implementation = QueryResponse.class)))
    CompletableFuture<ResponseEntity<QueryResponse>> get(
            @Parameter(description = "Query id", example = "5b0e7c1a-2f6d-4e8a-9b3c-1d2e3f4a5b6c") @PathVariable
                    String id,
            @Parameter(description = "Seconds to wait for missing answers (capped)", example = "10")
                    @RequestParam(defaultValue = "0")
                    int waitSeconds,
            @Parameter(
                            description = "respond-async: answer 202 + Retry-After while hosts are pending",
                            example = RESPOND_ASYNC,
                            schema = @Schema(allowableValues = RESPOND_ASYNC))
                    @RequestHeader(name = "Prefer", required = false)
                    @Nullable
                    String prefer) {
        boolean async = prefer != null && prefer.toLowerCase(Locale.ROOT).contains(RESPOND_ASYNC);
        return queries.await(id, waitSeconds).thenApply(answers -> {
            if (!async || answers.complete()) {
                return ResponseEntity.ok(answers);
            }
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/queries/" + id))
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                    .header("Preference-Applied", RESPOND_ASYNC)
                    .body(answers);
        });
    }
}
