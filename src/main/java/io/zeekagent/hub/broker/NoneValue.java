package io.zeekagent.hub.broker;

/** The Broker none value (an unset optional record field in Zeek). */
public record NoneValue() implements BrokerValue {

    static final NoneValue INSTANCE = new NoneValue();

    @Override
    public BrokerType type() {
        return BrokerType.NONE;
    }

    @Override
    public String toString() {
        return "none";
    }
}
