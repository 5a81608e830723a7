package io.zeekagent.hub.broker;

/** A Broker boolean. */
public record BooleanValue(boolean value) implements BrokerValue {

    static final BooleanValue TRUE = new BooleanValue(true);
    static final BooleanValue FALSE = new BooleanValue(false);

    @Override
    public BrokerType type() {
        return BrokerType.BOOLEAN;
    }

    @Override
    public String toString() {
        return value ? "T" : "F";
    }
}
