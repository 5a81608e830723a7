package io.zeekagent.hub.osquery;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a {@code /log} body in one streaming pass, line by line straight into {@link LogLine}s (no JSON tree), so
 * that a line larger than the limit is skipped (and counted) without being built, and the rest of the batch is
 * kept: refusing the batch would make osquery send it again forever.
 */
final class LogBatchReader {

    private final long maxLineBytes;

    LogBatchReader(long maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * @throws tools.jackson.core.JacksonException for JSON that is not an object (broken, truncated)
     */
    LogBatch read(InputStream body) {
        String nodeKey = null;
        String logType = null;
        List<LogLine> lines = new ArrayList<>();
        int oversized = 0;
        try (JsonParser p = OsqueryAnswer.JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedBodyException("the body is not a JSON object");
            }
            LogLineReader reader = new LogLineReader(p, maxLineBytes);
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("data".equals(name) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        LogLine line = reader.line();
                        if (line == null) {
                            oversized++;
                        } else {
                            lines.add(line);
                        }
                    }
                } else if ("node_key".equals(name) && value == JsonToken.VALUE_STRING) {
                    nodeKey = p.getString();
                } else if ("log_type".equals(name) && value == JsonToken.VALUE_STRING) {
                    logType = p.getString();
                } else {
                    p.skipChildren();
                }
            }
        }
        return new LogBatch(nodeKey, logType, lines, oversized);
    }
}
