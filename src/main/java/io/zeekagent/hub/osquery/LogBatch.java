package io.zeekagent.hub.osquery;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code /log} request as read: its fields and its lines, those over the line limit already left out.
 *
 * @param nodeKey the body's {@code node_key} (osquery before 5.23 sends it only there)
 * @param logType {@code result} or {@code status}
 * @param lines the log lines as read (a line sent as a string holding a JSON object is read as that object)
 * @param oversized lines left out because they were larger than {@code hub.osquery.max-line-bytes}
 */
record LogBatch(@Nullable String nodeKey, @Nullable String logType, List<LogLine> lines, int oversized) {}
