package io.zeekagent.hub.attribution;

import java.util.List;

/**
 * The cold tier: stored socket events that memory may no longer hold, looked up by index key ({@link ColdKey}).
 * Ingestion implements it over {@code socket_events}, so attribution never reads another feature's tables. One
 * call answers a whole group of connections in one statement.
 */
public interface ColdEventSource {

    /**
     * The stored events matching the query's keys and bounds, in any order. Throws (any runtime exception) when the
     * database fails or exceeds the query's timeout; the caller answers from memory and says so.
     */
    List<SocketEventEntry> find(ColdQuery query);

    /** Readies the store for lookups (e.g. builds its index) once, when the tier is switched on at start. */
    default void prepare() {}

    /** Whether the cold tier is on when {@code hub.attribution.cold.enabled} is not set (PostgreSQL: yes). */
    default boolean enabledByDefault() {
        return true;
    }
}
