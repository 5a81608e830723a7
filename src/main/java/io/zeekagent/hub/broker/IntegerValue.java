package io.zeekagent.hub.broker;

/** A Broker integer: a signed 64-bit number. */
public record IntegerValue(long value) implements BrokerValue {

    @Override
    public BrokerType type() {
        return BrokerType.INTEGER;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
