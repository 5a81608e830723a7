package io.zeekagent.hub.osquery;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads osquery log lines from a parser straight into {@link LogLine}s and {@link Columns}: one pass over the
 * tokens, no tree per line, fields the hub does not use skipped unread. A line larger than the limit is given up on
 * as soon as that shows (at every row's start and end, on every long string) and consumed to its end. One reader
 * per parser; not thread-safe.
 */
final class LogLineReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Thrown inside a line found to be over the limit; the line is then skipped. No stack trace: it is routine. */
    private static final RuntimeException TOO_BIG =
            new RuntimeException("log line over the limit", null, false, false) {};

    private final JsonParser p;
    private final long maxLineBytes;
    private long start;

    LogLineReader(JsonParser p, long maxLineBytes) {
        this.p = p;
        this.maxLineBytes = maxLineBytes;
    }

    /** A line sent as text (a JSON string holding the object); {@link LogLine#NOT_AN_OBJECT} when it is not one. */
    static LogLine parse(String text, long maxLineBytes) {
        try (JsonParser p = OsqueryAnswer.JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return LogLine.NOT_AN_OBJECT;
            }
            LogLine line = new LogLineReader(p, maxLineBytes).line();
            if (line == null || p.nextToken() != null) {
                return LogLine.NOT_AN_OBJECT;
            }
            line.sentAsText = true;
            return line;
        } catch (JacksonException e) {
            return LogLine.NOT_AN_OBJECT;
        }
    }

    /**
     * The line starting at the current token, or null (consumed) when it is larger than the limit.
     *
     * @throws JacksonException for JSON that is broken or truncated
     */
    @Nullable
    LogLine line() {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getStringLength() > maxLineBytes ? null : parse(p.getString(), maxLineBytes);
        }
        start = p.currentTokenLocation().getByteOffset();
        int outside = p.streamReadContext().getNestingDepth() - (t.isStructStart() ? 1 : 0);
        LogLine line;
        try {
            if (t == JsonToken.START_OBJECT) {
                line = object();
            } else {
                p.skipChildren();
                line = LogLine.NOT_AN_OBJECT;
            }
        } catch (RuntimeException e) {
            if (e != TOO_BIG) {
                throw e;
            }
            while (p.streamReadContext().getNestingDepth() > outside) {
                p.nextToken();
            }
            return null;
        }
        return overLimit() ? null : line;
    }

    private LogLine object() {
        LogLine line = new LogLine();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "name" -> line.name = Columns.text(scalar(v));
                case "unixTime" -> line.unixTime = Columns.number(scalar(v));
                case "action" -> line.action = Columns.text(scalar(v));
                case "columns" -> line.columns = v == JsonToken.START_OBJECT ? row() : skip();
                case "diffResults" -> diff(line, v);
                case "snapshot" -> {
                    line.hasSnapshot = true;
                    line.snapshot = rows(v);
                }
                case "severity" -> line.severity = Columns.number(scalar(v));
                case "message" -> line.message = Columns.text(scalar(v));
                case "filename" -> line.filename = Columns.text(scalar(v));
                case "line" -> line.line = Columns.text(scalar(v));
                default -> p.skipChildren();
            }
        }
        return line;
    }

    private void diff(LogLine line, JsonToken v) {
        line.diffResults = v == JsonToken.START_OBJECT;
        line.added = null;
        line.removed = null;
        if (!line.diffResults) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken rows = p.nextToken();
            switch (field) {
                case "added" -> line.added = rows(rows);
                case "removed" -> line.removed = rows(rows);
                default -> p.skipChildren();
            }
        }
    }

    /** null for none (null or {@code ""}), the object rows of an array, {@link LogLine#INVALID} for the rest. */
    private @Nullable List<Columns> rows(JsonToken v) {
        if (v == JsonToken.VALUE_NULL || (v == JsonToken.VALUE_STRING && p.getStringLength() == 0)) {
            return null;
        }
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            return LogLine.INVALID;
        }
        List<Columns> rows = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                rows.add(row());
            } else {
                p.skipChildren();
            }
        }
        return rows;
    }

    /** The object at the current token as a row; checked against the limit where it starts and ends. */
    private Columns row() {
        check();
        Columns row = new Columns();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String column = p.currentName();
            JsonToken v = p.nextToken();
            row.add(column, v.isStructStart() ? nested(v) : scalar(v));
        }
        check();
        return row;
    }

    /** A scalar as {@link Columns} keeps it; a container is skipped (read as neither text nor number). */
    private @Nullable Object scalar(JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> {
                if (p.getStringLength() > maxLineBytes) {
                    throw TOO_BIG;
                }
                yield p.getString();
            }
            case VALUE_NUMBER_INT ->
                p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(p.getBigIntegerValue())
                        : Long.valueOf(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> skip();
        };
    }

    /** A JSON object or array inside a column (osquery sends none; kept as JSON), checked at every container. */
    private JsonNode nested(JsonToken t) {
        check();
        if (t == JsonToken.START_OBJECT) {
            ObjectNode object = NODES.objectNode();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                object.set(name, v.isStructStart() ? nested(v) : Columns.node(nonNull(scalar(v))));
            }
            check();
            return object;
        }
        ArrayNode array = NODES.arrayNode();
        JsonToken v;
        while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
            array.add(v.isStructStart() ? nested(v) : Columns.node(nonNull(scalar(v))));
        }
        check();
        return array;
    }

    private static Object nonNull(@Nullable Object scalar) {
        return scalar == null ? NODES.nullNode() : scalar;
    }

    private <T> @Nullable T skip() {
        p.skipChildren();
        return null;
    }

    private void check() {
        if (overLimit()) {
            throw TOO_BIG;
        }
    }

    /** Over the limit so far; text parsers have no byte offsets (-1) and their lines were measured as strings. */
    private boolean overLimit() {
        return start >= 0 && p.currentLocation().getByteOffset() - start > maxLineBytes;
    }
}
