package io.zeekagent.hub.osquery;

import io.zeekagent.hub.result.RowUpdate;
import java.util.List;
import tools.jackson.databind.JsonNode;

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
    static boolean rows(JsonNode line, List<ResultRow> out) {
        if (!line.isObject()) {
            return false;
        }
        String name = OsqueryJson.text(line, "name");
        if (name == null || name.isEmpty()) {
            return false;
        }
        Long unixTime = OsqueryJson.number(line, "unixTime");
        JsonNode columns = line.get("columns");
        if (columns != null && columns.isObject()) {
            String action = OsqueryJson.text(line, "action");
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
        JsonNode diff = line.get("diffResults");
        if (diff != null && diff.isObject()) {
            return add(name, RowUpdate.ADD, diff.get("added"), unixTime, out)
                    & add(name, RowUpdate.REMOVE, diff.get("removed"), unixTime, out);
        }
        JsonNode snapshot = line.get("snapshot");
        if (snapshot != null) {
            return add(name, RowUpdate.SNAPSHOT, snapshot, unixTime, out);
        }
        return false;
    }

    /** An array of row objects, or {@code ""}/absent for none; false for anything else. */
    private static boolean add(String name, RowUpdate update, JsonNode rows, Long unixTime, List<ResultRow> out) {
        if (rows == null
                || rows.isNull()
                || (rows.isString() && rows.stringValue().isEmpty())) {
            return true;
        }
        if (!rows.isArray()) {
            return false;
        }
        for (JsonNode row : rows) {
            if (row.isObject()) {
                out.add(new ResultRow(name, update, row, unixTime));
            }
        }
        return true;
    }
}
