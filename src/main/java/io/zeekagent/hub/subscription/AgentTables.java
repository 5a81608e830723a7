package io.zeekagent.hub.subscription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The agent tables whose schema the hub knows, with their columns in {@code SELECT *} order
 * ({@code agent-protocols.md} §1.7 for v1, alphabetical; §2.8 for v2, schema order), and which tables a query reads.
 *
 * <p>v1's {@code socket_events}, {@code process_events} and {@code file_events} are the Linux (Audit) schemas; macOS
 * agents use other columns under the same names, so queries for them should name their columns.
 */
public final class AgentTables {

    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();
    private static final Set<String> V1 = new TreeSet<>();

    static {
        // zeek-agent v1, built-in tables; SELECT * is alphabetical there.
        v1(
                "socket_events",
                "syscall",
                "pid",
                "ppid",
                "auid",
                "uid",
                "euid",
                "gid",
                "egid",
                "exe",
                "fd",
                "success",
                "family",
                "local_address",
                "local_port",
                "remote_address",
                "remote_port",
                "time");
        v1(
                "process_events",
                "syscall",
                "pid",
                "ppid",
                "auid",
                "uid",
                "euid",
                "gid",
                "egid",
                "exe",
                "exit",
                "cmdline",
                "path",
                "mode",
                "inode",
                "ouid",
                "ogid",
                "cwd",
                "time");
        v1(
                "file_events",
                "syscall",
                "pid",
                "ppid",
                "uid",
                "gid",
                "auid",
                "euid",
                "egid",
                "exe",
                "path",
                "inode",
                "time");
        v1(
                "host_information",
                "os_name",
                "os_version",
                "os_release",
                "os_machine",
                "system_version",
                "hostname",
                "osquery_enabled",
                "uuid",
                "broker_version",
                "agent_version");
        v1("zeek_logger", "time", "severity", "message");
        v1("zeek_configuration", "key", "value");
        v1("zeek_service_manager", "name");
        v1("zeek_table_list", "name");
        // zeek-agent v2 (2.3); SELECT * follows the schema order.
        v2(
                "zeek_agent",
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
                "tables");
        v2(
                "processes",
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
                "stime");
        v2(
                "processes_events",
                "time",
                "name",
                "pid",
                "ppid",
                "uid",
                "gid",
                "ruid",
                "rgid",
                "priority",
                "duration",
                "vsize",
                "rsize",
                "utime",
                "stime",
                "state");
        v2(
                "sockets",
                "pid",
                "process",
                "family",
                "protocol",
                "local_addr",
                "local_port",
                "remote_addr",
                "remote_port",
                "state");
        v2(
                "sockets_events",
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
                "state");
        v2("users", "name", "full_name", "is_admin", "is_system", "uid", "gid", "home", "shell", "email");
        v2("files_list", "path", "type", "uid", "gid", "mode", "mtime", "size");
        v2("files_lines", "path", "number", "content");
        v2("files_columns", "path", "number", "columns");
        v2("system_logs_events", "time", "process", "level", "message", "eventid");
    }

    /**
     * osquery's {@code socket_events} columns (Linux Audit and macOS OpenBSM), hidden ones included: the same table
     * name as v1's, other columns, so a query naming one kind's columns fails on the other kind's agents.
     */
    public static final Set<String> OSQUERY_SOCKET_EVENTS = Set.of(
            "action",
            "pid",
            "path",
            "fd",
            "auid",
            "family",
            "protocol",
            "local_address",
            "remote_address",
            "local_port",
            "remote_port",
            "socket",
            "time",
            "uptime",
            "eid",
            "success",
            "status");

    private AgentTables() {}

    /**
     * The result column names of a query, lower case, or empty when it does not parse (the agent will say why).
     * For {@code socket_events} queries, which v1 agents and osquery both answer with different columns.
     */
    public static List<String> resultColumns(String sql) {
        try {
            return QueryAnalyzer.analyze(sql, null).columns().stream()
                    .map(c -> c.toLowerCase(Locale.ROOT))
                    .toList();
        } catch (RuntimeException unparsable) {
            return List.of();
        }
    }

    /** The names of every known table. */
    public static Set<String> knownTables() {
        return new TreeSet<>(COLUMNS.keySet());
    }

    /**
     * Whether only v2 agents have the table (it is a known v2 table and not a v1 one). v1 agents are sent queries
     * over any other table, as the osquery edition has tables the hub does not know.
     */
    public static boolean isV2Only(String table) {
        String name = normalize(table);
        return COLUMNS.containsKey(name) && !V1.contains(name);
    }

    /** Whether the hub knows the table's schema (case-insensitive, as in SQLite). */
    public static boolean isKnown(String table) {
        return COLUMNS.containsKey(normalize(table));
    }

    /** The table's columns in {@code SELECT *} order, or empty for a table the hub does not know. */
    public static Optional<List<String>> columns(String table) {
        return Optional.ofNullable(COLUMNS.get(normalize(table)));
    }

    /**
     * The tables (and table-valued functions) a query reads, lower case, without quotes.
     *
     * @throws IllegalArgumentException when the text is not parsable SQL
     */
    public static Set<String> tablesRead(String sql) {
        try {
            return tablesRead(CCJSqlParserUtil.parse(sql));
        } catch (JSQLParserException e) {
            throw new IllegalArgumentException("Not parsable SQL: " + sql, e);
        }
    }

    /** The tables (and table-valued functions) a parsed statement reads, lower case, without quotes. */
    public static Set<String> tablesRead(Statement statement) {
        Set<String> tables = new TreeSet<>();
        TablesNamesFinder<Void> finder = new TablesNamesFinder<>() {
            @Override
            public <S> Void visit(TableFunction function, S context) {
                // Table-valued functions (v2's files_list(...)) are tables to the agent.
                tables.add(normalize(function.getFunction().getName()));
                return super.visit(function, context);
            }
        };
        finder.getTables(statement).forEach(t -> tables.add(normalize(t)));
        return tables;
    }

    static String normalize(String table) {
        String name = table.strip();
        if (name.length() >= 2
                && ((name.startsWith("\"") && name.endsWith("\""))
                        || (name.startsWith("`") && name.endsWith("`"))
                        || (name.startsWith("[") && name.endsWith("]")))) {
            name = name.substring(1, name.length() - 1);
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static void v1(String table, String... columns) {
        V1.add(table);
        COLUMNS.put(table, List.copyOf(new TreeSet<>(List.of(columns))));
    }

    private static void v2(String table, String... columns) {
        COLUMNS.put(table, List.of(columns));
    }
}
