package io.zeekagent.hub.osquery;

import io.zeekagent.hub.result.RowUpdate;
import org.jspecify.annotations.Nullable;

/**
 * One row of an osquery result log line, whatever the line's shape.
 *
 * @param name the scheduled query's name
 * @param update added, removed, or part of a snapshot
 * @param columns the row: column name → value (text, or numbers with {@code --logger_numerics})
 * @param unixTime when the scheduled query ran (host clock), when the line says
 */
record ResultRow(
        String name,
        RowUpdate update,
        Columns columns,
        @Nullable Long unixTime) {}
