package io.zeekagent.hub.websocket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Schemas (columns in {@code SELECT *} order) of the agent 2.3 tables the simulator serves (§2.8). */
final class SimulatedTables {

    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put(
                "zeek_agent",
                List.of(
                        "id",
                        "instance",
                        "hostname",
                        "addresses",
                        "platform",
                        "os_name",
                        "kernel_name",
                        "kernel_version",
                        "kernel_arch",
                        "agent_version",
                        "broker",
                        "uptime",
                        "tables"));
        COLUMNS.put(
                "processes",
                List.of(
                        "name",
                        "pid",
                        "ppid",
                        "uid",
                        "gid",
                        "ruid",
                        "rgid",
                        "priority",
                        "startup",
                        "vsize",
                        "rsize",
                        "utime",
                        "stime"));
        COLUMNS.put(
                "sockets",
                List.of(
                        "pid",
                        "process",
                        "family",
                        "protocol",
                        "local_addr",
                        "local_port",
                        "remote_addr",
                        "remote_port",
                        "state"));
        COLUMNS.put(
                "sockets_events",
                List.of(
                        "time",
                        "pid",
                        "process",
                        "uid",
                        "gid",
                        "family",
                        "protocol",
                        "local_addr",
                        "local_port",
                        "remote_addr",
                        "remote_port",
                        "state"));
        COLUMNS.put(
                "users", List.of("name", "full_name", "is_admin", "is_system", "uid", "gid", "home", "shell", "email"));
        COLUMNS.put("system_logs_events", List.of("time", "process", "level", "message", "eventid"));
    }

    private SimulatedTables() {}

    static Set<String> names() {
        return new TreeSet<>(COLUMNS.keySet());
    }

    static List<String> columns(String table) {
        List<String> columns = COLUMNS.get(table);
        if (columns == null) {
            throw new IllegalArgumentException("no such table: " + table);
        }
        return columns;
    }
}
