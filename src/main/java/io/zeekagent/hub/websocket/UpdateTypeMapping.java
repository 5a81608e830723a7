package io.zeekagent.hub.websocket;

import java.util.Set;

/**
 * How a subscription's v1-style update type ({@code ADDED}, {@code REMOVED}, {@code BOTH}) maps to a v2 mode, and
 * which v2 rows the hub keeps so both kinds of agent report the same thing (docs/websocket.md has the table).
 *
 * <ul>
 *   <li>Queries over an event table ({@code *_events}) use {@code Events}: each event once, as {@code Add}.
 *   <li>{@code BOTH} uses {@code SnapshotPlusDifferences}: like v1, the first run reports every row, later runs
 *       the differences.
 *   <li>{@code ADDED} uses {@code SnapshotPlusDifferences} too and the hub drops the {@code Delete} rows ({@code
 *       Events} would skip the first run's rows, which v1 reports).
 *   <li>{@code REMOVED} uses {@code Differences} and the hub drops the {@code Add} rows.
 *   <li>One-shot queries use {@code Snapshots} without a schedule.
 * </ul>
 */
final class UpdateTypeMapping {

    static final String ADDED = "ADDED";
    static final String REMOVED = "REMOVED";
    static final String BOTH = "BOTH";

    private UpdateTypeMapping() {}

    static V2Mode mode(String updateType, Set<String> tablesRead) {
        if (tablesRead.stream().anyMatch(t -> t.endsWith("_events"))) {
            return V2Mode.EVENTS;
        }
        return REMOVED.equals(updateType) ? V2Mode.DIFFERENCES : V2Mode.SNAPSHOT_PLUS_DIFFERENCES;
    }

    /** Whether a row with that change is reported for a subscription with that update type. */
    static boolean keeps(String updateType, V2Change change) {
        return switch (change) {
            case NONE, ADD -> !REMOVED.equals(updateType);
            case DELETE -> !ADDED.equals(updateType);
        };
    }

    /** The v1 result type the row is stored as: {@code ADD}, {@code REMOVE} or {@code SNAPSHOT} (one-shot). */
    static String resultType(V2Change change, boolean oneShot) {
        if (oneShot) {
            return "SNAPSHOT";
        }
        return change == V2Change.DELETE ? "REMOVE" : "ADD";
    }
}
