package io.zeekagent.hub.agent.sim;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.subscription.AgentTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Plausible rows of the v1 agent's tables (agent-protocols §1.7; columns from {@link AgentTables}): socket events with the host's own address and
 * real-looking remote peers (so attribution has something to match), process events, host information. Event
 * tables produce new rows on every run (the agent drains them); the others are stable between runs.
 */
final class SimRows {

    /** The tables the simulator makes plausible rows for; any other table gets a single {@code value} column. */
    private static final Set<String> SIMULATED =
            Set.of("socket_events", "process_events", "file_events", "host_information");

    private static final Set<String> EVENT_TABLES = Set.of("socket_events", "process_events", "file_events");
    private static final String[] EXES = {"/usr/bin/curl", "/usr/sbin/sshd", "/usr/bin/python3", "/usr/sbin/nginx"};

    private SimRows() {}

    /** The table's columns in the v1 agent's {@code SELECT *} order: the hub's own schema, {@link AgentTables}. */
    static List<String> schema(String table) {
        return SIMULATED.contains(table) ? AgentTables.columns(table).orElseThrow() : List.of("value");
    }

    static boolean isEventTable(String table) {
        return EVENT_TABLES.contains(table);
    }

    /** Rows for one run of a query on a host. */
    static List<List<BrokerValue>> rows(SimQuery q, SimHost host, Random random, long nowSeconds, int eventRows) {
        int n = isEventTable(q.table()) ? eventRows : q.table().equals("host_information") ? 1 : 3;
        List<List<BrokerValue>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, BrokerValue> full =
                    row(q.table(), host, isEventTable(q.table()) ? random : new Random(i), nowSeconds, i);
            List<BrokerValue> values = new ArrayList<>(q.columns().size());
            for (String c : q.sources()) {
                values.add(full.getOrDefault(c, BrokerValue.string(c + "-" + i)));
            }
            rows.add(values);
        }
        return rows;
    }

    private static Map<String, BrokerValue> row(String table, SimHost host, Random r, long now, int i) {
        Map<String, BrokerValue> m = new HashMap<>();
        long pid = 1000 + r.nextInt(30000);
        m.put("pid", BrokerValue.integer(pid));
        m.put("ppid", BrokerValue.integer(1));
        for (String id : List.of("auid", "uid", "euid", "gid", "egid", "ouid", "ogid")) {
            m.put(id, BrokerValue.integer(r.nextBoolean() ? 0 : 1000));
        }
        m.put("exe", BrokerValue.string(EXES[r.nextInt(EXES.length)]));
        m.put("time", BrokerValue.integer(now));
        m.put("path", BrokerValue.string("/etc/hosts"));
        m.put("inode", BrokerValue.integer(100_000 + r.nextInt(1000)));
        switch (table) {
            case "socket_events" -> {
                boolean connect = r.nextInt(4) != 0;
                m.put("syscall", BrokerValue.string(connect ? "connect" : "bind"));
                m.put("fd", BrokerValue.integer(3 + r.nextInt(20)));
                m.put("success", BrokerValue.integer(1));
                m.put("family", BrokerValue.integer(2));
                m.put("local_address", BrokerValue.string(connect ? "" : host.address()));
                m.put("local_port", BrokerValue.integer(connect ? 0 : 8080));
                m.put("remote_address", BrokerValue.string(connect ? "198.51.100." + (1 + r.nextInt(254)) : ""));
                m.put("remote_port", BrokerValue.integer(connect ? (r.nextBoolean() ? 443 : 80) : 0));
            }
            case "process_events" -> {
                m.put("syscall", BrokerValue.string("execve"));
                m.put("exit", BrokerValue.integer(0));
                m.put("cmdline", BrokerValue.string("\"" + m.get("exe").asString() + "\" \"--version\""));
                m.put("mode", BrokerValue.integer(0755));
                m.put("cwd", BrokerValue.string("/root"));
            }
            case "file_events" -> m.put("syscall", BrokerValue.string("openat"));
            case "host_information" -> {
                m.put("os_name", BrokerValue.string("Linux"));
                m.put("os_version", BrokerValue.string("#1 SMP"));
                m.put("os_release", BrokerValue.string("6.1.0"));
                m.put("os_machine", BrokerValue.string("x86_64"));
                m.put("system_version", BrokerValue.string("Debian GNU/Linux 12 (bookworm)"));
                m.put("hostname", BrokerValue.string(host.hostname()));
                m.put("osquery_enabled", BrokerValue.integer(0));
                m.put("uuid", BrokerValue.string(host.hostId()));
                m.put("broker_version", BrokerValue.string("1.4"));
                m.put("agent_version", BrokerValue.string("1.1.0"));
            }
            default -> m.put("value", BrokerValue.string("row-" + i));
        }
        return m;
    }
}
