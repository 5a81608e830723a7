package io.zeekagent.hub.osquery;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reading osquery's JSON, where a number may come as a string and an empty array as {@code ""}. */
final class OsqueryJson {

    private OsqueryJson() {}

    /** A field as text (numbers and booleans as their text), or null when absent, null or a container. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null ? null : text(v);
    }

    static @Nullable String text(JsonNode v) {
        if (v.isString()) {
            return v.stringValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asString();
        }
        return null;
    }

    /** A field as a whole number, whether sent as number or as text; null when absent or not a number. */
    static @Nullable Long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null ? null : number(v);
    }

    static @Nullable Long number(JsonNode v) {
        if (v.isIntegralNumber()) {
            // Beyond 64 bits it is no usable number, as such text is not: never an exception (that would refuse
            // the whole batch, which osquery would send again forever).
            return v.canConvertToLong() ? v.asLong() : null;
        }
        String s = text(v);
        return s == null ? null : number(s);
    }

    /** Text holding a whole number (surrounding blanks allowed), or null. */
    static @Nullable Long number(String s) {
        if (s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
