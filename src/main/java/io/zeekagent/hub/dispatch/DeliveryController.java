package io.zeekagent.hub.dispatch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeekagent.hub.system.PageResponse;
import io.zeekagent.hub.system.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/subscriptions/{id}/deliveries}: per host, what was sent of a subscription and when. */
@RestController
@Tag(name = "Subscriptions")
class DeliveryController {

    private final DispatchService dispatch;

    DeliveryController(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    @GetMapping("/api/v1/subscriptions/{id}/deliveries")
    @Operation(
            operationId = "listSubscriptionDeliveries",
            summary = "Deliveries of a subscription",
            description = "Per host: the version last sent, SUBSCRIBED/UNSUBSCRIBED/FAILED, when and why. A host the"
                    + " subscription targets whose agent lacks a table the query reads (v2's processes on a v1 agent)"
                    + " is listed as NOT_APPLICABLE, the message naming the tables and the agent's transport."
                    + " The dispatcher converges within one tick (hub.dispatch.interval) of any change. A deleted"
                    + " subscription's deliveries (its unsubscribes) stay readable; 404 when the subscription is"
                    + " unknown and nothing was ever sent of it.")
    @ApiResponse(responseCode = "200", description = "One page of deliveries")
    @ApiResponse(
            responseCode = "404",
            description = "No such subscription",
            content = @Content(mediaType = "application/problem+json"))
    PageResponse<DeliveryResponse> deliveries(
            @Parameter(description = "Subscription id", example = "3f1c2a9e-8d0b-4c55-9a43-6f2d1e7b9c10") @PathVariable
                    String id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return dispatch.deliveries(id, page, size);
    }
}
