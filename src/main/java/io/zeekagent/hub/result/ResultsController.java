package io.zeekagent.hub.result;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeekagent.hub.system.PageResponse;
import io.zeekagent.hub.system.Paging;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/subscriptions/{id}/results}: stored rows of a RESULTS subscription. */
@RestController
@Tag(name = "Subscriptions")
class ResultsController {

    private final ResultService results;

    ResultsController(ResultService results) {
        this.results = results;
    }

    @GetMapping("/api/v1/subscriptions/{id}/results")
    @Operation(
            operationId = "listSubscriptionResults",
            summary = "Result rows of a subscription, newest first",
            description = "Each row is a JSON object keyed by the subscription's column names, with the host, the"
                    + " update type (ADD, REMOVE) and when the hub received it. Kept for hub.results.retention.")
    PageResponse<ResultRowResponse> results(
            @Parameter(description = "Subscription id", example = "3f1c2a9e-8d0b-4c55-9a43-6f2d1e7b9c10") @PathVariable
                    String id,
            @Parameter(description = "Only rows of this host", example = "e93716a7-8bc8-4485-bd8f-14e6b346aca3")
                    @RequestParam(required = false)
                    @Nullable
                    String host,
            @Parameter(
                            description = "Only rows received at or after this ISO-8601 time",
                            example = "2026-11-30T00:00:00Z")
                    @RequestParam(required = false)
                    @Nullable
                    Instant since,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return results.rows(id, host, since, page, size);
    }
}
