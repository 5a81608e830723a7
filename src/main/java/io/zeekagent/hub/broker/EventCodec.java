package io.zeekagent.hub.broker;

/**
 * Turns Zeek events into the payload frame of a Zeek ZeroMQ message and back; one implementation per
 * Zeek event serializer, named as in frame 2 of the message.
 */
public interface EventCodec {

    /** The default Zeek serializer: bin v1 bytes of the event vector. */
    EventCodec BIN_V1 = new BinV1EventCodec();

    /** The JSON serializer: the JSON v1 value of the event vector, without {@code type}/{@code topic}. */
    EventCodec JSON_V1 = new JsonV1EventCodec();

    /** Returns the serializer name carried in frame 2, e.g. {@code broker-bin-v1}. */
    String serializerName();

    /** Encodes an event to a payload. */
    byte[] encode(ZeekEvent event);

    /**
     * Decodes a payload to an event.
     *
     * @throws BrokerFormatException when the payload is not a valid event; nothing else is thrown
     */
    ZeekEvent decode(byte[] payload);

    /**
     * Returns the codec for a serializer name.
     *
     * @throws IllegalArgumentException for a name no codec handles
     */
    static EventCodec forName(String serializerName) {
        if (BIN_V1.serializerName().equals(serializerName)) {
            return BIN_V1;
        }
        if (JSON_V1.serializerName().equals(serializerName)) {
            return JSON_V1;
        }
        throw new IllegalArgumentException("unknown event serializer: " + serializerName);
    }
}
