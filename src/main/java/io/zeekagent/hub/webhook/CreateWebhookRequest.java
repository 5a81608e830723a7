package io.zeekagent.hub.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A webhook to create.
 *
 * @param url where to POST events (http or https, inside hub.webhooks.allowed-networks)
 * @param events which events to deliver
 * @param watchAddresses remote addresses whose contact raises ADDRESS_CONTACTED
 * @param secret the HMAC key (at least 16 characters); generated and shown once when absent
 */
@Schema(description = "A webhook to create")
public record CreateWebhookRequest(
        @Schema(example = "https://soar.example.internal/hooks/zeek-agent-hub") @NotBlank @Size(max = 2048)
        String url,

        @Schema(example = "[\"HOST_OFFLINE\", \"ADDRESS_CONTACTED\"]") @NotEmpty
        Set<WebhookEventType> events,

        @Schema(example = "[\"93.184.216.34\"]", nullable = true) @Size(max = 256) @Nullable
        Set<@NotBlank String> watchAddresses,

        @Schema(example = "a-long-random-shared-secret", nullable = true) @Size(min = 16, max = 256) @Nullable
        String secret) {}
