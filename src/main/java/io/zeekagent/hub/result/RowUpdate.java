package io.zeekagent.hub.result;

import java.util.Optional;

/** What a result row reports: a row that appeared, one that disappeared, or one row of a one-shot snapshot. */
public enum RowUpdate {
    ADD,
    REMOVE,
    SNAPSHOT;

    /** Parses the v1 agent's enum value {@code ZeekAgent::ADD} (module optional). */
    public static Optional<RowUpdate> fromWire(String name) {
        String bare = name.startsWith("ZeekAgent::") ? name.substring("ZeekAgent::".length()) : name;
        for (RowUpdate u : values()) {
            if (u.name().equals(bare)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
