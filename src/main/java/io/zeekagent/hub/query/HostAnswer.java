package io.zeekagent.hub.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One target of a one-shot query and what it answered.
 *
 * @param hostId the host
 * @param state PENDING (sent, no row yet), ANSWERED (at least one row), FAILED (the agent reported an error),
 *     NOT_SENT (offline)
 * @param sentAt when {@code host_execute} was sent
 * @param answeredAt when its first row arrived, or its error
 * @param rows its rows, keyed by column name
 * @param error why it failed, as the agent said it; null unless FAILED
 */
public record HostAnswer(
        String hostId,
        String state,

        @Schema(
                types = {"string", "null"},
                format = "date-time")
        @Nullable
        Instant sentAt,

        @Schema(
                types = {"string", "null"},
                format = "date-time")
        @Nullable
        Instant answeredAt,

        List<Map<String, @Nullable Object>> rows,
        @Schema(types = {"string", "null"}) @Nullable String error) {}
