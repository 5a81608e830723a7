package io.zeekagent.hub.osquery;

import io.zeekagent.hub.result.RowUpdate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * osquery result log lines, in all three shapes: event format ({@code columns} + {@code action}, the default),
 * batch format ({@code diffResults} with {@code added}/{@code removed}) and snapshot ({@code snapshot}). Envelope
 * numbers may be text (osquery before 5.10 built lines with boost ptree), and an empty array may be {@code ""}.
 */
final class ResultLines {

    private ResultLines() {}

    /**
     * Adds the line's rows to {@code out}.
     *
     * @return false when the line is not a result line (no name, no rows in any known shape)
     */
    static boolean rows(LogLine line, List<ResultRow> out) {
        if (!line.isObject()) {
            return false;
        }
        String name = line.name;
        if (name == null || name.isEmpty()) {
            return false;
        }
        Long unixTime = line.unixTime;
        Columns columns = line.columns;
        if (columns != null) {
            String action = line.action;
            RowUpdate update = action == null
                    ? null
                    : switch (action) {
                        case "added" -> RowUpdate.ADD;
                        case "removed" -> RowUpdate.REMOVE;
                        case "snapshot" -> RowUpdate.SNAPSHOT;
                        default -> null;
                    };
            if (update == null) {
                return false;
            }
            out.add(new ResultRow(name, update, columns, unixTime));
            return true;
        }
        if (line.diffResults) {
            return add(name, RowUpdate.ADD, line.added, unixTime, out)
                    & add(name, RowUpdate.REMOVE, line.removed, unixTime, out);
        }
        if (line.hasSnapshot) {
            return add(name, RowUpdate.SNAPSHOT, line.snapshot, unixTime, out);
        }
        return false;
    }

    /** The object rows of an array; none for {@code ""}, null or absent; false for anything else. */
    private static boolean add(
            String name, RowUpdate update, @Nullable List<Columns> rows, @Nullable Long unixTime, List<ResultRow> out) {
        if (rows == null) {
            return true;
        }
        if (rows == LogLine.INVALID) {
            return false;
        }
        for (Columns row : rows) {
            out.add(new ResultRow(name, update, row, unixTime));
        }
        return true;
    }
}
