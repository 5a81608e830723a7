package io.zeekagent.hub.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How a webhook's deliveries went, kept in memory since the hub started.
 *
 * @param lastStatus HTTP status of the last attempt, 0 when it got no answer, null before any
 * @param lastAttemptAt when the last attempt was made
 * @param lastError why the last attempt failed, null when it succeeded
 * @param delivered deliveries answered with a 2xx
 * @param failed deliveries given up after the last retry (or dropped because the queue was full)
 */
public record DeliveryStatus(
        @Schema(types = {"integer", "null"}) @Nullable Integer lastStatus,

        @Schema(
                types = {"string", "null"},
                format = "date-time")
        @Nullable
        Instant lastAttemptAt,

        @Schema(types = {"string", "null"}) @Nullable String lastError,
        long delivered,
        long failed) {

    static final DeliveryStatus NONE = new DeliveryStatus(null, null, null, 0, 0);
}
