package io.zeekagent.hub.broker;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A Broker set; elements are kept in Broker order, which is also the order bin v1 writes them in. */
public record SetValue(Set<BrokerValue> elements) implements BrokerValue {

    /** Copies the elements into an unmodifiable set sorted in Broker order. */
    public SetValue {
        elements = Collections.unmodifiableSortedSet(sorted(elements));
    }

    /** Returns a set of the given elements; duplicates collapse. */
    public static SetValue of(Collection<? extends BrokerValue> elements) {
        TreeSet<BrokerValue> sorted = new TreeSet<>(BrokerOrder.INSTANCE);
        sorted.addAll(elements);
        return new SetValue(sorted);
    }

    private static SortedSet<BrokerValue> sorted(Set<BrokerValue> elements) {
        if (elements instanceof SortedSet<BrokerValue> s && s.comparator() == BrokerOrder.INSTANCE) {
            return new TreeSet<>(s);
        }
        TreeSet<BrokerValue> sorted = new TreeSet<>(BrokerOrder.INSTANCE);
        sorted.addAll(elements);
        return sorted;
    }

    @Override
    public BrokerType type() {
        return BrokerType.SET;
    }

    @Override
    public String toString() {
        return elements.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
    }
}
