package io.zeekagent.hub.broker;

import java.util.Objects;

/**
 * A Broker string. Zeek strings are bytes; this model holds text and uses UTF-8 on the wire, so bytes
 * that are not valid UTF-8 decode to U+FFFD.
 */
public record StringValue(String value) implements BrokerValue {

    /** Checks the value is present. */
    public StringValue {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public BrokerType type() {
        return BrokerType.STRING;
    }

    @Override
    public String toString() {
        return '"' + value + '"';
    }
}
