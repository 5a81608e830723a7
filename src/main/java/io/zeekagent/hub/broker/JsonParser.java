package io.zeekagent.hub.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns JSON v1 text into Broker values. Members may come in any order: when {@code data} precedes
 * {@code @data-type} it is skipped and read again once the type is known. Unknown members are ignored.
 */
final class JsonParser {

    private final JsonLexer in;

    JsonParser(String json) {
        this.in = new JsonLexer(json);
    }

    BrokerValue parseWhole() {
        BrokerValue value = value(1);
        end();
        return value;
    }

    DataMessage parseDataMessage() {
        Members m = members(1, true);
        end();
        if (!"data-message".equals(m.messageType)) {
            throw in.fail("message type is not \"data-message\"", 0);
        }
        if (m.topic == null) {
            throw in.fail("data message without a topic", 0);
        }
        return new DataMessage(m.topic, m.value(this, 1));
    }

    private void end() {
        in.skipWhitespace();
        if (in.pos != in.s.length()) {
            throw in.fail("trailing characters after the JSON value");
        }
    }

    BrokerValue value(int depth) {
        return members(depth, false).value(this, depth);
    }

    private Members members(int depth, boolean message) {
        Members m = new Members(in.pos);
        in.expect('{');
        if (in.consume('}')) {
            return m;
        }
        do {
            int keyAt = in.pos;
            String key = in.string();
            in.expect(':');
            switch (key) {
                case "@data-type" -> m.type = once(m.type, typeName(), keyAt);
                case "data" -> {
                    if (m.dataAt >= 0) {
                        throw in.fail("duplicate \"data\"", keyAt);
                    }
                    m.dataAt = in.pos;
                    if (m.type != null) {
                        m.data = data(m.type, depth);
                    } else {
                        in.skipValue(2 * depth);
                    }
                }
                case "type" -> {
                    if (message) {
                        m.messageType = once(m.messageType, in.string(), keyAt);
                    } else {
                        in.skipValue(2 * depth);
                    }
                }
                case "topic" -> {
                    if (message) {
                        m.topic = once(m.topic, in.string(), keyAt);
                    } else {
                        in.skipValue(2 * depth);
                    }
                }
                default -> in.skipValue(2 * depth);
            }
        } while (in.consume(','));
        in.expect('}');
        return m;
    }

    private <T> T once(@Nullable T previous, T value, int at) {
        if (previous != null) {
            throw in.fail("duplicate member", at);
        }
        return value;
    }

    private BrokerType typeName() {
        int at = in.pos;
        String name = in.string();
        for (BrokerType t : BrokerType.values()) {
            if (t.jsonName().equals(name)) {
                return t;
            }
        }
        throw in.fail("unknown @data-type \"" + AddressText.abbreviate(name) + "\"", at);
    }

    /** Reads a deferred {@code data} member now that its type is known, then returns to where it was. */
    BrokerValue deferred(BrokerType type, int dataAt, int depth) {
        int resume = in.pos;
        in.pos = dataAt;
        BrokerValue value = data(type, depth);
        in.pos = resume;
        return value;
    }

    private BrokerValue data(BrokerType type, int depth) {
        in.skipWhitespace();
        int at = in.pos;
        return switch (type) {
            case NONE -> {
                in.expect('{');
                in.expect('}');
                yield NoneValue.INSTANCE;
            }
            case BOOLEAN -> {
                if (in.literal("true")) {
                    yield BooleanValue.TRUE;
                }
                if (in.literal("false")) {
                    yield BooleanValue.FALSE;
                }
                throw in.fail("expected true or false");
            }
            case COUNT -> new CountValue(JsonNumbers.count(in, at));
            case INTEGER -> new IntegerValue(JsonNumbers.integer(in, at));
            case REAL -> new RealValue(JsonNumbers.real(in, at));
            case STRING -> new StringValue(in.string());
            case ENUM_VALUE -> new EnumValue(in.string());
            case ADDRESS -> rethrowAt(() -> AddressValue.parse(in.string()), at);
            case SUBNET -> rethrowAt(() -> SubnetValue.parse(in.string()), at);
            case PORT -> JsonNumbers.port(in.string(), in, at);
            case TIMESTAMP -> new TimestampValue(JsonText.parseTimestamp(in.string(), at));
            case TIMESPAN -> new TimespanValue(JsonText.parseTimespan(in.string(), at));
            case VECTOR -> new VectorValue(elements(depth, at));
            case SET -> set(depth, at);
            case TABLE -> table(depth, at);
        };
    }

    private BrokerValue rethrowAt(java.util.function.Supplier<BrokerValue> parse, int at) {
        try {
            return parse.get();
        } catch (BrokerFormatException e) {
            throw e.offset() >= 0 ? e : in.fail(e.getMessage(), at);
        }
    }

    private List<BrokerValue> elements(int depth, int at) {
        checkDepth(depth, at);
        List<BrokerValue> elements = new ArrayList<>();
        in.expect('[');
        if (in.consume(']')) {
            return elements;
        }
        do {
            elements.add(value(depth + 1));
        } while (in.consume(','));
        in.expect(']');
        return elements;
    }

    private BrokerValue set(int depth, int at) {
        checkDepth(depth, at);
        TreeSet<BrokerValue> elements = new TreeSet<>(BrokerOrder.INSTANCE);
        in.expect('[');
        if (!in.consume(']')) {
            do {
                int elementAt = in.pos;
                if (!elements.add(value(depth + 1))) {
                    throw in.fail("duplicate set element", elementAt);
                }
            } while (in.consume(','));
            in.expect(']');
        }
        return new SetValue(elements);
    }

    private BrokerValue table(int depth, int at) {
        checkDepth(depth, at);
        TreeMap<BrokerValue, BrokerValue> entries = new TreeMap<>(BrokerOrder.INSTANCE);
        in.expect('[');
        if (!in.consume(']')) {
            do {
                in.skipWhitespace();
                int entryAt = in.pos;
                BrokerValue[] kv = entry(depth + 1);
                if (entries.put(kv[0], kv[1]) != null) {
                    throw in.fail("duplicate table key", entryAt);
                }
            } while (in.consume(','));
            in.expect(']');
        }
        return new TableValue(entries);
    }

    private BrokerValue[] entry(int depth) {
        int at = in.pos;
        BrokerValue[] kv = new BrokerValue[2];
        in.expect('{');
        if (!in.consume('}')) {
            do {
                int keyAt = in.pos;
                String key = in.string();
                in.expect(':');
                int slot = key.equals("key") ? 0 : key.equals("value") ? 1 : -1;
                if (slot < 0) {
                    in.skipValue(2 * depth);
                } else if (kv[slot] != null) {
                    throw in.fail("duplicate \"" + key + "\"", keyAt);
                } else {
                    kv[slot] = value(depth);
                }
            } while (in.consume(','));
            in.expect('}');
        }
        if (kv[0] == null || kv[1] == null) {
            throw in.fail("table entry needs \"key\" and \"value\"", at);
        }
        return kv;
    }

    private void checkDepth(int depth, int at) {
        if (depth > JsonV1.MAX_DEPTH) {
            throw in.fail("containers nested deeper than " + JsonV1.MAX_DEPTH, at);
        }
    }

    /** The members of one value object (and, for a data message, its envelope) as read so far. */
    private static final class Members {
        final int at;

        @Nullable
        BrokerType type;

        int dataAt = -1;

        @Nullable
        BrokerValue data;

        @Nullable
        String messageType;

        @Nullable
        String topic;

        Members(int at) {
            this.at = at;
        }

        BrokerValue value(JsonParser parser, int depth) {
            if (type == null) {
                throw parser.in.fail("object without \"@data-type\"", at);
            }
            if (dataAt < 0) {
                throw parser.in.fail("object without \"data\"", at);
            }
            BrokerValue value = data;
            return value != null ? value : parser.deferred(type, dataAt, depth);
        }
    }
}
