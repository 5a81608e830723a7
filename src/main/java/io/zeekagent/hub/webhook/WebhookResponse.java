package io.zeekagent.hub.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A webhook and how its deliveries went.
 *
 * @param id its id
 * @param url the destination
 * @param events the event types delivered
 * @param watchAddresses addresses that raise ADDRESS_CONTACTED
 * @param createdAt when it was created
 * @param deliveries delivery outcome since the hub started
 * @param secret the HMAC key: only in the answer to its creation when the hub generated it, else null
 */
@Schema(
        example = "{\"id\":\"wh_5b0e7c1a\",\"url\":\"https://soar.example.internal/hooks/zeek-agent-hub\","
                + "\"events\":[\"HOST_OFFLINE\"],\"watchAddresses\":[],\"createdAt\":\"2026-11-30T00:00:00Z\","
                + "\"deliveries\":{\"lastStatus\":204,\"lastAttemptAt\":\"2026-11-30T00:10:00Z\",\"lastError\":null,"
                + "\"delivered\":3,\"failed\":0},\"secret\":null}")
public record WebhookResponse(
        String id,
        String url,
        Set<WebhookEventType> events,
        Set<String> watchAddresses,
        Instant createdAt,
        DeliveryStatus deliveries,
        @Schema(types = {"string", "null"}) @Nullable String secret) {}
