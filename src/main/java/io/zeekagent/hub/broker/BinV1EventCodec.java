package io.zeekagent.hub.broker;

/** The {@code broker-bin-v1} event serializer. */
final class BinV1EventCodec implements EventCodec {

    @Override
    public String serializerName() {
        return "broker-bin-v1";
    }

    @Override
    public byte[] encode(ZeekEvent event) {
        BinWriter writer = new BinWriter(256);
        writer.writeEvent(event);
        return writer.toByteArray();
    }

    @Override
    public ZeekEvent decode(byte[] payload) {
        return ZeekEvent.fromBroker(BinV1.decode(payload));
    }

    @Override
    public String toString() {
        return serializerName();
    }
}
