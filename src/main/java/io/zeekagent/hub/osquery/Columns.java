package io.zeekagent.hub.osquery;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One osquery result row as read from a log line: column names and their values side by side in two arrays, no
 * tree. A value is kept as osquery's two usual kinds come, text ({@link String}) and whole numbers ({@link Long}),
 * and as a {@link JsonNode} for everything rarer (decimals, huge integers, booleans, null, nested JSON), whose
 * reading is then the node's. A column named twice keeps its last value, as a JSON object would.
 */
final class Columns {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private String[] names;
    private Object[] values;
    private int size;

    Columns() {
        this(16);
    }

    Columns(int capacity) {
        names = new String[capacity];
        values = new Object[capacity];
    }

    /** Adds a column; {@code value} is a String, a Long or a JsonNode. */
    void add(String name, Object value) {
        if (size == names.length) {
            names = java.util.Arrays.copyOf(names, size * 2);
            values = java.util.Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    int size() {
        return size;
    }

    String name(int i) {
        return names[i];
    }

    Object value(int i) {
        return values[i];
    }

    /** The column's value as a JSON node (text, number, ...), or null when the row has no such column. */
    @Nullable
    JsonNode get(String column) {
        for (int i = size - 1; i >= 0; i--) {
            if (names[i].equals(column)) {
                return node(values[i]);
            }
        }
        return null;
    }

    static JsonNode node(Object value) {
        if (value instanceof String s) {
            return NODES.stringNode(s);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        return (JsonNode) value;
    }

    /** Read like {@link OsqueryJson#text(JsonNode)}: numbers and booleans as their text, null for containers. */
    static @Nullable String text(@Nullable Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Long l) {
            return l.toString();
        }
        return OsqueryJson.text((JsonNode) value);
    }

    /** Read like {@link OsqueryJson#number(JsonNode)}: a whole number sent as number or as text, else null. */
    static @Nullable Long number(@Nullable Object value) {
        if (value == null || value instanceof Long) {
            return (Long) value;
        }
        if (value instanceof String s) {
            return OsqueryJson.number(s);
        }
        return OsqueryJson.number((JsonNode) value);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append(NODES.stringNode(names[i]))
                    .append(':')
                    .append(node(values[i]));
        }
        return sb.append('}').toString();
    }
}
