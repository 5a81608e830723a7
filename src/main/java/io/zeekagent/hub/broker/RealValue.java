package io.zeekagent.hub.broker;

/** A Broker real: a 64-bit floating-point number. */
public record RealValue(double value) implements BrokerValue {

    @Override
    public BrokerType type() {
        return BrokerType.REAL;
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
