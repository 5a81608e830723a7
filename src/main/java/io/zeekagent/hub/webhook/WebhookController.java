package io.zeekagent.hub.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/webhooks}: outbound notifications for SOAR playbooks (admin). */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(
        name = "Webhooks",
        description = "Signed outbound notifications: host online/offline, query completed, watched "
                + "address contacted, delivery failed")
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @Operation(
            operationId = "createWebhook",
            summary = "Subscribe a URL to hub events",
            description = "Every delivery is a JSON POST {id, type, occurredAt, webhookId, data} with headers"
                    + " X-Hub-Event, X-Hub-Delivery, X-Hub-Timestamp and X-Hub-Signature-256 = sha256=hex(HMAC-SHA256("
                    + "secret, timestamp + '.' + body)). Non-2xx answers are retried with exponential backoff;"
                    + " redirects are not followed; the URL must resolve inside hub.webhooks.allowed-networks.")
    @ApiResponse(responseCode = "201", description = "Created; a generated secret is shown in this answer only")
    @ApiResponse(responseCode = "409", description = "Too many webhooks")
    ResponseEntity<WebhookResponse> create(@Valid @RequestBody CreateWebhookRequest request) {
        WebhookResponse created = webhooks.create(request);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(
            operationId = "listWebhooks",
            summary = "List webhooks",
            description = "Every webhook (at most hub.webhooks.max-webhooks) with its delivery outcome.")
    List<WebhookResponse> list() {
        return webhooks.list();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook", description = "With its last delivery status.")
    @ApiResponse(responseCode = "200", description = "The webhook")
    @ApiResponse(responseCode = "404", description = "No such webhook")
    WebhookResponse get(@PathVariable String id) {
        return webhooks.get(id);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook", description = "Queued deliveries still go.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such webhook")
    ResponseEntity<Void> delete(@PathVariable String id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }
}
