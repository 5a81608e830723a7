package io.zeekagent.hub.broker;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A Broker table; entries are kept in Broker key order, which is also the order bin v1 writes them in. */
public record TableValue(Map<BrokerValue, BrokerValue> entries) implements BrokerValue {

    /** Copies the entries into an unmodifiable map sorted in Broker key order. */
    public TableValue {
        entries = Collections.unmodifiableSortedMap(sorted(entries));
    }

    /** Returns a table with the given entries. */
    public static TableValue of(Map<? extends BrokerValue, ? extends BrokerValue> entries) {
        TreeMap<BrokerValue, BrokerValue> sorted = new TreeMap<>(BrokerOrder.INSTANCE);
        sorted.putAll(entries);
        return new TableValue(sorted);
    }

    private static SortedMap<BrokerValue, BrokerValue> sorted(Map<BrokerValue, BrokerValue> entries) {
        if (entries instanceof SortedMap<BrokerValue, BrokerValue> m && m.comparator() == BrokerOrder.INSTANCE) {
            return new TreeMap<>(m);
        }
        TreeMap<BrokerValue, BrokerValue> sorted = new TreeMap<>(BrokerOrder.INSTANCE);
        sorted.putAll(entries);
        return sorted;
    }

    @Override
    public BrokerType type() {
        return BrokerType.TABLE;
    }

    @Override
    public String toString() {
        return entries.entrySet().stream()
                .map(e -> e.getKey() + " -> " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
