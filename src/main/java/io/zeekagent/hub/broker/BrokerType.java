package io.zeekagent.hub.broker;

import org.jspecify.annotations.Nullable;

/** The 15 Broker data types, in Broker's variant order; {@link #tag()} is the bin v1 tag byte. */
public enum BrokerType {
    NONE("none"),
    BOOLEAN("boolean"),
    COUNT("count"),
    INTEGER("integer"),
    REAL("real"),
    STRING("string"),
    ADDRESS("address"),
    SUBNET("subnet"),
    PORT("port"),
    TIMESTAMP("timestamp"),
    TIMESPAN("timespan"),
    ENUM_VALUE("enum-value"),
    SET("set"),
    TABLE("table"),
    VECTOR("vector");

    private static final BrokerType[] BY_TAG = values();

    private final String jsonName;

    BrokerType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Returns the bin v1 tag byte of this type. */
    public int tag() {
        return ordinal();
    }

    /** Returns the JSON v1 {@code @data-type} name of this type. */
    public String jsonName() {
        return jsonName;
    }

    /** Returns the type with the given tag byte, or {@code null} when the tag is unknown. */
    static @Nullable BrokerType ofTag(int tag) {
        return tag >= 0 && tag < BY_TAG.length ? BY_TAG[tag] : null;
    }
}
