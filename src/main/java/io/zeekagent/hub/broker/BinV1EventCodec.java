package io.zeekagent.hub.broker;

/** The {@code broker-bin-v1} event serializer. */
final class BinV1EventCodec implements EventCodec {

    @Override
    public String serializerName() {
        return "broker-bin-v1";
    }

    @Override
    public byte[] encode(ZeekEvent event) {
        return BinV1.encode(event.toBroker());
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
