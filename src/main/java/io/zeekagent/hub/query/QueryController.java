package io.zeekagent.hub.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/queries}: one-shot queries, "what is running on host X now" for SOAR playbooks. */
@RestController
@RequestMapping("/api/v1/queries")
@Tag(name = "Queries", description = "One-shot queries: run a SELECT once on hosts and collect the rows")
class QueryController {

    private final OneShotQueryService queries;

    QueryController(OneShotQueryService queries) {
        this.queries = queries;
    }

    @PostMapping
    @Operation(
            summary = "Run a query once on hosts",
            description = "Sends host_execute to every ONLINE target (the named hosts ∪ members of the named groups;"
                    + " every ONLINE host when neither is given). Poll the answers with GET /api/v1/queries/{id}.")
    @ApiResponse(responseCode = "202", description = "Sent; poll for the answers")
    ResponseEntity<QueryAccepted> create(@Valid @RequestBody CreateQueryRequest request) {
        QueryAccepted accepted = queries.create(request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/queries/" + accepted.id()))
                .body(accepted);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "Answers of a one-shot query",
            description = "Rows per host plus the hosts that have not answered. With waitSeconds, waits (at most"
                    + " hub.queries.max-wait) until every host answered or the time is up.")
    CompletableFuture<QueryResponse> get(
            @Parameter(description = "Query id", example = "5b0e7c1a-2f6d-4e8a-9b3c-1d2e3f4a5b6c") @PathVariable
                    String id,
            @Parameter(description = "Seconds to wait for missing answers (capped)", example = "10")
                    @RequestParam(defaultValue = "0")
                    int waitSeconds) {
        return queries.await(id, waitSeconds);
    }
}
