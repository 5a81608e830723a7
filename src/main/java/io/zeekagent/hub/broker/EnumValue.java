package io.zeekagent.hub.broker;

import java.util.Objects;

/** A Broker enum value: only the (module-qualified) name, e.g. {@code ZeekAgent::ADD}. */
public record EnumValue(String name) implements BrokerValue {

    /** Checks the name is present. */
    public EnumValue {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public BrokerType type() {
        return BrokerType.ENUM_VALUE;
    }

    @Override
    public String toString() {
        return name;
    }
}
