package io.zeekagent.hub.broker;

import java.util.Map;

/** Writes JSON v1 exactly as Broker's encoder does: compact, {@code @data-type} before {@code data}. */
final class JsonWriter {

    private JsonWriter() {}

    static void value(StringBuilder out, BrokerValue value) {
        out.append("{\"@data-type\":\"").append(value.type().jsonName()).append("\",\"data\":");
        data(out, value);
        out.append('}');
    }

    static void data(StringBuilder out, BrokerValue value) {
        switch (value.type()) {
            case NONE -> out.append("{}");
            case BOOLEAN -> out.append(((BooleanValue) value).value());
            case COUNT -> out.append(Long.toUnsignedString(((CountValue) value).value()));
            case INTEGER -> out.append(((IntegerValue) value).value());
            case REAL -> JsonText.real(out, ((RealValue) value).value());
            case STRING -> string(out, ((StringValue) value).value());
            case ENUM_VALUE -> string(out, ((EnumValue) value).name());
            case ADDRESS, SUBNET, PORT -> string(out, value.toString());
            case TIMESTAMP -> string(out, JsonText.timestamp(((TimestampValue) value).nanos()));
            case TIMESPAN -> string(out, JsonText.timespan(((TimespanValue) value).nanos()));
            case SET -> array(out, ((SetValue) value).elements());
            case VECTOR -> array(out, ((VectorValue) value).elements());
            case TABLE -> table(out, ((TableValue) value).entries());
        }
    }

    private static void array(StringBuilder out, Iterable<BrokerValue> elements) {
        out.append('[');
        boolean first = true;
        for (BrokerValue element : elements) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(out, element);
        }
        out.append(']');
    }

    private static void table(StringBuilder out, Map<BrokerValue, BrokerValue> entries) {
        out.append('[');
        boolean first = true;
        for (Map.Entry<BrokerValue, BrokerValue> entry : entries.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append("{\"key\":");
            value(out, entry.getKey());
            out.append(",\"value\":");
            value(out, entry.getValue());
            out.append('}');
        }
        out.append(']');
    }

    /**
     * Writes a string escaping only what Broker escapes ({@code \\ \b \f \n \r \t \v "}); other control
     * characters go out raw, as Zeek emits and accepts them.
     */
    static void string(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0B -> out.append("\\v");
                default -> out.append(c);
            }
        }
        out.append('"');
    }
}
