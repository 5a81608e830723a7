package io.zeekagent.hub.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A one-shot query and its answers so far.
 *
 * @param id the query
 * @param query the SQL
 * @param columns its column names
 * @param createdAt when it was sent
 * @param complete whether every host it was sent to has answered or failed
 * @param hosts per target: state and rows, or why it failed
 * @param pending hosts it was sent to that have not answered (yet)
 * @param owner who made it: {@code zeek:<name>} for a Zeek's {@code ZeekAgent::execute} (compat scripts), null when
 *     made over REST
 */
@Schema(
        example = "{\"id\":\"5b0e7c1a-2f6d-4e8a-9b3c-1d2e3f4a5b6c\",\"query\":\"SELECT pid, exe FROM processes\","
                + "\"columns\":[\"pid\",\"exe\"],\"createdAt\":\"2026-11-30T00:10:00Z\",\"complete\":false,"
                + "\"hosts\":[{\"hostId\":\"host-a\",\"state\":\"ANSWERED\",\"sentAt\":\"2026-11-30T00:10:00Z\","
                + "\"answeredAt\":\"2026-11-30T00:10:01Z\",\"rows\":[{\"pid\":1,\"exe\":\"/sbin/init\"}],\"error\":null},"
                + "{\"hostId\":\"host-c\",\"state\":\"FAILED\",\"sentAt\":\"2026-11-30T00:10:00Z\","
                + "\"answeredAt\":\"2026-11-30T00:10:01Z\",\"rows\":[],\"error\":\"no such table: processes\"},"
                + "{\"hostId\":\"host-b\",\"state\":\"PENDING\",\"sentAt\":\"2026-11-30T00:10:00Z\",\"answeredAt\":null,"
                + "\"rows\":[],\"error\":null}],\"pending\":[\"host-b\"],\"owner\":\"zeek:sensor-1\"}")
public record QueryResponse(
        String id,
        String query,
        List<String> columns,
        Instant createdAt,
        boolean complete,
        List<HostAnswer> hosts,
        List<String> pending,

        @Schema(
                nullable = true,
                description = "Who made the query: `zeek:<name>` for a Zeek's `ZeekAgent::execute` (compat"
                        + " scripts), null when made over REST",
                example = "zeek:sensor-1")
        @Nullable
        String owner) {}
