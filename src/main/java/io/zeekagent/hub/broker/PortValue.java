package io.zeekagent.hub.broker;

import java.util.Objects;

/** A Broker port: a 16-bit number and a transport protocol, written {@code 8080/tcp}. */
public record PortValue(int number, PortProtocol protocol) implements BrokerValue {

    /** Checks the number fits in 16 bits. */
    public PortValue {
        if (number < 0 || number > 0xFFFF) {
            throw new IllegalArgumentException("port number out of range: " + number);
        }
        Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public BrokerType type() {
        return BrokerType.PORT;
    }

    @Override
    public String toString() {
        return number + "/" + protocol.text();
    }
}
