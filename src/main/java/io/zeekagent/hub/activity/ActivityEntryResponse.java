package io.zeekagent.hub.activity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One activity log entry as served by {@code GET /api/v1/activity}; the fields of a {@code zeek-agent.log} line.
 *
 * @param id the entry's id, increasing in the order entries were written
 * @param ts when it happened
 * @param source {@code local} (the hub itself), {@code host} (an agent), {@code zeek}, or another feature's name
 * @param peer the host id, peer or topic concerned, if any
 * @param level {@code debug}, {@code info}, {@code warning} or {@code error}
 * @param message what happened
 */
@Schema(
        example = "{\"id\":42,\"ts\":\"2026-11-30T00:02:23.125Z\",\"source\":\"host\","
                + "\"peer\":\"e93716a7-8bc8-4485-bd8f-14e6b346aca3\",\"level\":\"info\","
                + "\"message\":\"Zeek Agent v1.1.0 (standalone) host connected (C6EAF3CF#7503 announced as: "
                + "e93716a7-8bc8-4485-bd8f-14e6b346aca3)\"}")
public record ActivityEntryResponse(
        long id, Instant ts, String source, @Nullable String peer, String level, String message) {

    static ActivityEntryResponse from(ActivityEntry e) {
        return new ActivityEntryResponse(
                e.getId(), e.getTs(), e.getSource(), e.getPeer(), e.getLevel(), e.getMessage());
    }
}
