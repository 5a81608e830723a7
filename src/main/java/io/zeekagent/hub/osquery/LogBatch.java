package io.zeekagent.hub.osquery;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A {@code /log} request as read: its fields and its lines, those over the line limit already left out.
 *
 * @param nodeKey the body's {@code node_key} (osquery before 5.23 sends it only there)
 * @param logType {@code result} or {@code status}
 * @param lines the log lines, each a JSON object (or a string holding one, as some forwarders send)
 * @param oversized lines left out because they were larger than {@code hub.osquery.max-line-bytes}
 */
record LogBatch(@Nullable String nodeKey, @Nullable String logType, List<JsonNode> lines, int oversized) {}
