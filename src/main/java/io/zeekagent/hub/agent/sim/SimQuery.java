package io.zeekagent.hub.agent.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough SQL for the simulator: the table after {@code FROM} and the selected column names (aliases win,
 * {@code *} expands to the table's alphabetical schema, as the v1 agent does).
 *
 * @param table the first table, lower case
 * @param columns the selected columns in order, as named in the result (aliases applied)
 * @param sources the table column each result column reads (its name without alias)
 */
record SimQuery(String table, List<String> columns, List<String> sources) {

    private static final Pattern SELECT =
            Pattern.compile("(?is)^\\s*select\\s+(distinct\\s+)?(.*?)\\s+from\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern ALIAS = Pattern.compile("(?is).*\\s+as\\s+([a-z_][a-z0-9_]*)\\s*$");

    static SimQuery parse(String sql) {
        Matcher m = SELECT.matcher(sql);
        if (!m.find()) {
            return new SimQuery("", List.of("value"), List.of("value"));
        }
        String table = m.group(3).toLowerCase(Locale.ROOT);
        List<String> columns = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String item : splitTopLevel(m.group(2))) {
            String s = item.trim();
            if (s.equals("*")) {
                columns.addAll(SimRows.schema(table));
                sources.addAll(SimRows.schema(table));
                continue;
            }
            Matcher alias = ALIAS.matcher(s);
            String expression = alias.matches() ? s.substring(0, alias.start(1)).replaceAll("(?i)\\s+as\\s*$", "") : s;
            int dot = expression.lastIndexOf('.');
            String source = (dot >= 0 ? expression.substring(dot + 1) : expression).trim();
            sources.add(source);
            columns.add(alias.matches() ? alias.group(1) : source);
        }
        return new SimQuery(table, columns, sources);
    }

    private static List<String> splitTopLevel(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(list.substring(start, i));
                start = i + 1;
            }
        }
        out.add(list.substring(start));
        return out;
    }
}
