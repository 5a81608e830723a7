package io.zeekagent.hub.websocket;

import io.zeekagent.hub.broker.BrokerValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A query installed on the simulated agent, with the result semantics of the agent's {@code
 * Database::timerCallback} (§2.7): what each subscription mode reports on its first and later runs.
 */
final class SimulatedQuery {

    /** One row of a result and its change ({@link V2Change#NONE} for snapshot rows). */
    record Change(V2Change change, List<BrokerValue> row) {}

    final String zeekInstance;
    final String queryId;
    final String table;
    final @Nullable Duration schedule;
    final String mode;
    final String event;
    final @Nullable String cookie;
    private final int[] columns;
    private @Nullable List<List<BrokerValue>> previous;

    SimulatedQuery(
            String zeekInstance,
            String queryId,
            String table,
            int[] columns,
            @Nullable Duration schedule,
            String mode,
            String event,
            @Nullable String cookie) {
        this.zeekInstance = zeekInstance;
        this.queryId = queryId;
        this.table = table;
        this.columns = columns.clone();
        this.schedule = schedule == null || schedule.isZero() ? null : schedule;
        this.mode = mode;
        this.event = event;
        this.cookie = cookie;
    }

    boolean oneShot() {
        return schedule == null;
    }

    /**
     * Runs the query over the table's current rows and returns what the agent would send; a one-shot query runs
     * once with its mode's first-run semantics (so {@code Differences} and {@code Events} report nothing).
     */
    List<Change> run(List<List<BrokerValue>> tableRows) {
        List<List<BrokerValue>> current = new ArrayList<>(tableRows.size());
        for (List<BrokerValue> row : tableRows) {
            List<BrokerValue> selected = new ArrayList<>(columns.length);
            for (int column : columns) {
                selected.add(row.get(column));
            }
            current.add(List.copyOf(selected));
        }
        List<List<BrokerValue>> before = previous;
        previous = current;
        boolean first = before == null;
        return switch (mode) {
            case "ZeekAgent::Snapshots" -> snapshot(current);
            case "ZeekAgent::SnapshotPlusDifferences" -> first ? snapshot(current) : differences(before, current, true);
            case "ZeekAgent::Differences" -> first ? List.of() : differences(before, current, true);
            case "ZeekAgent::Events" -> first ? List.of() : differences(before, current, false);
            default -> throw new IllegalStateException("unknown mode " + mode);
        };
    }

    private static List<Change> snapshot(List<List<BrokerValue>> rows) {
        return rows.stream().map(row -> new Change(V2Change.NONE, row)).toList();
    }

    /** Multiset differences over whole rows: deletions first, then additions. */
    private static List<Change> differences(
            List<List<BrokerValue>> before, List<List<BrokerValue>> after, boolean withDeletes) {
        List<Change> changes = new ArrayList<>();
        if (withDeletes) {
            Map<List<BrokerValue>, Integer> remaining = counts(after);
            for (List<BrokerValue> row : before) {
                if (!take(remaining, row)) {
                    changes.add(new Change(V2Change.DELETE, row));
                }
            }
        }
        Map<List<BrokerValue>, Integer> remaining = counts(before);
        for (List<BrokerValue> row : after) {
            if (!take(remaining, row)) {
                changes.add(new Change(V2Change.ADD, row));
            }
        }
        return changes;
    }

    private static Map<List<BrokerValue>, Integer> counts(List<List<BrokerValue>> rows) {
        Map<List<BrokerValue>, Integer> counts = new HashMap<>();
        rows.forEach(row -> counts.merge(row, 1, Integer::sum));
        return counts;
    }

    private static boolean take(Map<List<BrokerValue>, Integer> counts, List<BrokerValue> row) {
        Integer count = counts.get(row);
        if (count == null) {
            return false;
        }
        if (count == 1) {
            counts.remove(row);
        } else {
            counts.put(row, count - 1);
        }
        return true;
    }
}
