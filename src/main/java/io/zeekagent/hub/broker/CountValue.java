package io.zeekagent.hub.broker;

/** A Broker count: an unsigned 64-bit number, held in a {@code long} and read as unsigned. */
public record CountValue(long value) implements BrokerValue {

    @Override
    public BrokerType type() {
        return BrokerType.COUNT;
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
