package io.zeekagent.hub.broker;

import java.util.List;
import java.util.stream.Collectors;

/** A Broker vector (list); Zeek records and event envelopes travel as vectors. */
public record VectorValue(List<BrokerValue> elements) implements BrokerValue {

    /** Makes the elements an unmodifiable list (no copy when it already is one). */
    public VectorValue {
        elements = List.copyOf(elements);
    }

    @Override
    public BrokerType type() {
        return BrokerType.VECTOR;
    }

    @Override
    public String toString() {
        return elements.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
