package io.zeekagent.hub.broker;

/**
 * Broker's JSON v1 data model: every value is {@code {"@data-type":..., "data":...}}; a data message adds
 * {@code type} and {@code topic} in front. Error offsets count UTF-16 chars of the text.
 */
public final class JsonV1 {

    /** Deepest Broker container nesting the decoder accepts. */
    public static final int MAX_DEPTH = BinV1.MAX_DEPTH;

    private JsonV1() {}

    /**
     * Encodes a value as Broker's encoder does (compact, six-decimal reals).
     *
     * @throws IllegalArgumentException for a NaN or infinite real, which JSON cannot carry
     */
    public static String encode(BrokerValue value) {
        StringBuilder out = new StringBuilder(128);
        JsonWriter.value(out, value);
        return out.toString();
    }

    /**
     * Decodes one JSON v1 value (surrounding whitespace allowed).
     *
     * @throws BrokerFormatException when the text is not one valid JSON v1 value
     */
    public static BrokerValue decode(String json) {
        return new JsonParser(json).parseWhole();
    }

    /** Encodes a data message: {@code {"type":"data-message","topic":...,"@data-type":...,"data":...}}. */
    public static String encodeDataMessage(String topic, BrokerValue value) {
        StringBuilder out = new StringBuilder(160);
        out.append("{\"type\":\"data-message\",\"topic\":");
        JsonWriter.string(out, topic);
        out.append(",\"@data-type\":\"").append(value.type().jsonName()).append("\",\"data\":");
        JsonWriter.data(out, value);
        return out.append('}').toString();
    }

    /**
     * Decodes a data message; its {@code type} must be {@code data-message} and it must have a topic.
     *
     * @throws BrokerFormatException when the text is not a valid data message
     */
    public static DataMessage decodeDataMessage(String json) {
        return new JsonParser(json).parseDataMessage();
    }
}
