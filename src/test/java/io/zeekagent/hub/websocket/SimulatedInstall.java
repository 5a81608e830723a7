package io.zeekagent.hub.websocket;

import io.zeekagent.hub.broker.BrokerValue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How the simulated agent reads an {@code install_query_v1} Query record: requires / if-missing tables checked
 * first (unmet ⇒ silently skipped), then the SQL "compiled" — {@code SELECT <columns|*> FROM <table>} over a table
 * it has, anything else an error worded as the agent words it.
 *
 * @param query the query to run, when it compiled
 * @param error the agent's error message, when it did not
 * @param cookie the query's cookie, for the error's context
 */
record SimulatedInstall(
        @Nullable SimulatedQuery query,
        @Nullable String error,
        @Nullable String cookie) {

    private static final Pattern SELECT =
            Pattern.compile("(?is)\\s*SELECT\\s+(.+?)\\s+FROM\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*(WHERE\\s.*)?;?\\s*");

    /** Empty when the agent skips the query silently. */
    static Optional<SimulatedInstall> parse(
            String instance, String queryId, List<BrokerValue> fields, Set<String> agentTables) {
        String sql = fields.get(0).asString();
        Duration schedule = fields.get(1).isNone() ? null : fields.get(1).asTimespan();
        String mode =
                fields.get(2).isNone() ? "ZeekAgent::Snapshots" : fields.get(2).asEnum();
        String event = fields.get(3).asVector().get(0).asString();
        String cookie = fields.get(4).isNone() ? null : fields.get(4).asString();
        Set<String> requires = strings(fields.get(5));
        Set<String> ifMissing = strings(fields.get(6));
        if (!agentTables.containsAll(requires) || ifMissing.stream().anyMatch(agentTables::contains)) {
            return Optional.empty();
        }
        Matcher select = SELECT.matcher(sql);
        if (!select.matches()) {
            return Optional.of(error(sql, "syntax error", cookie));
        }
        String table = select.group(2).toLowerCase(Locale.ROOT);
        if (!agentTables.contains(table)) {
            return Optional.of(error(sql, "no such table: " + select.group(2), cookie));
        }
        List<String> schema = SimulatedTables.columns(table);
        String list = select.group(1).strip();
        int[] columns;
        if (list.equals("*")) {
            columns = java.util.stream.IntStream.range(0, schema.size()).toArray();
        } else {
            String[] names = list.split("\\s*,\\s*");
            columns = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                columns[i] = schema.indexOf(names[i].toLowerCase(Locale.ROOT));
                if (columns[i] < 0) {
                    return Optional.of(error(sql, "no such column: " + names[i], cookie));
                }
            }
        }
        return Optional.of(new SimulatedInstall(
                new SimulatedQuery(instance, queryId, table, columns, schedule, mode, event, cookie), null, cookie));
    }

    private static SimulatedInstall error(String sql, String reason, @Nullable String cookie) {
        return new SimulatedInstall(
                null,
                "could not compile query (failed to compile SQL statement: " + sql + " (" + reason + "))",
                cookie);
    }

    private static Set<String> strings(BrokerValue value) {
        Set<String> strings = new TreeSet<>();
        if (!value.isNone()) {
            value.asSet().forEach(v -> strings.add(v.asString()));
        }
        return strings;
    }
}
