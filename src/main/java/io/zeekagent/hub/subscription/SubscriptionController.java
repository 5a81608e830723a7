package io.zeekagent.hub.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeekagent.hub.system.PageResponse;
import io.zeekagent.hub.system.Paging;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST for subscriptions: scheduled SQL queries and the hosts and groups they target. */
@RestController
@RequestMapping("/api/v1/subscriptions")
@Tag(
        name = "Subscriptions",
        description = "Scheduled SQL queries the hub keeps delivered to the agents they target. The query must be "
                + "exactly one SELECT; SELECT * only over agent tables whose schema the hub knows.")
class SubscriptionController {

    private final SubscriptionService subscriptions;

    SubscriptionController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping
    @Operation(
            operationId = "listSubscriptions",
            summary = "List subscriptions",
            description = "Pages through subscriptions, oldest first.")
    PageResponse<SubscriptionResponse> list(
            @Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1.." + Paging.MAX_SIZE) @RequestParam(defaultValue = "20") int size) {
        return subscriptions.list(Paging.of(page, size, Sort.by("createdAt", "id")));
    }

    @PostMapping
    @Operation(
            operationId = "createSubscription",
            summary = "Create a subscription",
            description = "Validates the query (exactly one SELECT; no DDL, DML, PRAGMA, ATTACH or ';'-chained "
                    + "statements), derives its columns (aliases win; SELECT * expands known agent tables) unless "
                    + "declared, and applies defaults. Targets: hosts (may be unseen) and groups (must be defined); "
                    + "neither means every host. The returned id is the wire cookie.")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<SubscriptionResponse> create(@Valid @RequestBody SubscriptionRequest request) {
        SubscriptionResponse created = subscriptions.create(request);
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getSubscription", summary = "Get a subscription")
    @ApiResponse(responseCode = "200", description = "The subscription")
    @ApiResponse(
            responseCode = "404",
            description = "No such subscription",
            content = @Content(mediaType = "application/problem+json"))
    SubscriptionResponse get(@PathVariable String id) {
        return subscriptions.get(id);
    }

    @PutMapping("/{id}")
    @Operation(
            operationId = "updateSubscription",
            summary = "Replace a subscription",
            description = "Replaces the whole definition (absent optional fields take their defaults) with the "
                    + "same validation as create. The revision grows when anything changed; agents get the new "
                    + "version.")
    @ApiResponse(responseCode = "200", description = "The updated subscription")
    @ApiResponse(
            responseCode = "404",
            description = "No such subscription",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "Changed concurrently (read it again and retry), or owned by a Zeek (its owner field)",
            content = @Content(mediaType = "application/problem+json"))
    SubscriptionResponse update(@PathVariable String id, @Valid @RequestBody SubscriptionRequest request) {
        return subscriptions.update(id, request);
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "deleteSubscription",
            summary = "Delete a subscription",
            description = "Agents are told to stop running it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(
            responseCode = "404",
            description = "No such subscription",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "409",
            description = "Owned by a Zeek (its owner field): its script unsubscribes it",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Void> delete(@PathVariable String id) {
        subscriptions.delete(id);
        return ResponseEntity.noContent().build();
    }
}
