package io.zeekagent.hub.websocket;

import io.zeekagent.hub.subscription.AgentTables;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agent 2.3 tables the simulator serves (§2.8); their columns, in {@code SELECT *} order, are the hub's own
 * ({@link AgentTables}), so the simulator and the hub cannot disagree about a schema.
 */
final class SimulatedTables {

    private static final Set<String> SERVED =
            Set.of("zeek_agent", "processes", "sockets", "sockets_events", "users", "system_logs_events");

    private SimulatedTables() {}

    static Set<String> names() {
        return new TreeSet<>(SERVED);
    }

    static List<String> columns(String table) {
        if (!SERVED.contains(table)) {
            throw new IllegalArgumentException("no such table: " + table);
        }
        return AgentTables.columns(table).orElseThrow();
    }
}
