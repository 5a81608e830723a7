package io.zeekagent.hub.osquery;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a {@code /log} body in one streaming pass, line by line, so that a line larger than the limit is skipped
 * (and counted) without being built, and the rest of the batch is kept: refusing the batch would make osquery send
 * it again forever.
 */
final class LogBatchReader {

    /** Fields of a log line the hub does not use; skipped rather than built, on the ingestion hot path. */
    private static final Set<String> UNUSED = Set.of("decorations", "hostIdentifier", "calendarTime", "numerics");

    private final long maxLineBytes;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    LogBatchReader(long maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * @throws tools.jackson.core.JacksonException for JSON that is not an object (broken, truncated)
     */
    LogBatch read(InputStream body) {
        String nodeKey = null;
        String logType = null;
        List<JsonNode> lines = new ArrayList<>();
        int oversized = 0;
        try (JsonParser p = OsqueryAnswer.JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedBodyException("the body is not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("data".equals(name) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode line = element(p);
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

    /** The element starting at the current token, or null (consumed) when it is larger than the limit. */
    private @Nullable JsonNode element(JsonParser p) {
        long start = p.currentTokenLocation().getByteOffset();
        Deque<ContainerNode<?>> open = new ArrayDeque<>();
        JsonNode result = null;
        boolean tooBig = false;
        int depth = 0;
        JsonToken t = p.currentToken();
        while (t != null) {
            // Checked where containers open and close, and on every long string: a location per token would cost
            // an allocation per token on the ingestion hot path.
            boolean boundary = t == JsonToken.START_OBJECT
                    || t == JsonToken.START_ARRAY
                    || t == JsonToken.END_OBJECT
                    || t == JsonToken.END_ARRAY;
            if (!tooBig
                    && ((boundary && p.currentLocation().getByteOffset() - start > maxLineBytes)
                            || (t == JsonToken.VALUE_STRING && p.getStringLength() > maxLineBytes))) {
                tooBig = true;
                open.clear();
            }
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                depth++;
                if (!tooBig) {
                    ContainerNode<?> node = t == JsonToken.START_OBJECT ? nodes.objectNode() : nodes.arrayNode();
                    attach(open.peek(), p, node);
                    open.push(node);
                }
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                depth--;
                if (!tooBig) {
                    result = open.pop();
                }
            } else if (t == JsonToken.PROPERTY_NAME) {
                if (depth == 1 && !tooBig && UNUSED.contains(p.currentName())) {
                    // Envelope fields the hub never reads: not built (the host comes from the node key).
                    p.nextToken();
                    p.skipChildren();
                }
            } else if (!tooBig) {
                JsonNode scalar = scalar(p, t);
                if (open.isEmpty()) {
                    result = scalar;
                } else {
                    attach(open.peek(), p, scalar);
                }
            }
            if (depth == 0) {
                break;
            }
            t = p.nextToken();
        }
        if (!tooBig && p.currentLocation().getByteOffset() - start > maxLineBytes) {
            tooBig = true;
        }
        return tooBig ? null : result;
    }

    private static void attach(@Nullable ContainerNode<?> parent, JsonParser p, JsonNode node) {
        if (parent instanceof ObjectNode object) {
            object.set(p.currentName(), node);
        } else if (parent instanceof ArrayNode array) {
            array.add(node);
        }
    }

    private JsonNode scalar(JsonParser p, JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> nodes.stringNode(p.getString());
            case VALUE_NUMBER_INT ->
                p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? nodes.numberNode(p.getBigIntegerValue())
                        : nodes.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            default -> nodes.nullNode();
        };
    }
}
