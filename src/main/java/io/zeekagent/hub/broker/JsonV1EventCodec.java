package io.zeekagent.hub.broker;

import java.nio.charset.StandardCharsets;

/** The {@code broker-json-v1} event serializer; offsets in its errors count UTF-16 chars of the text. */
final class JsonV1EventCodec implements EventCodec {

    @Override
    public String serializerName() {
        return "broker-json-v1";
    }

    @Override
    public byte[] encode(ZeekEvent event) {
        return JsonV1.encode(event.toBroker()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ZeekEvent decode(byte[] payload) {
        return ZeekEvent.fromBroker(JsonV1.decode(new String(payload, StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return serializerName();
    }
}
