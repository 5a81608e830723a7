package io.zeekagent.hub.subscription;

import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a query is exactly one SELECT (parsed with JSqlParser) and works out its result columns: aliases win,
 * then column names, then the expression text (as SQLite names it); {@code *} expands only for tables in
 * {@link AgentTables}. Every rejection is a 400 that says why.
 */
public final class QueryAnalyzer {

    private static final Pattern LEADING_COMMENTS =
            Pattern.compile("^(\\s+|--[^\\n]*(\\n|$)|/\\*.*?\\*/)*", Pattern.DOTALL);
    private static final Pattern FIRST_WORD = Pattern.compile("^([A-Za-z_]+)");
    private static final Set<String> FORBIDDEN_FIRST_WORDS = Set.of("PRAGMA", "ATTACH", "DETACH", "VACUUM", "REINDEX");

    private QueryAnalyzer() {}

    /**
     * Validates the query and derives its columns.
     *
     * @param sql the query text
     * @param declaredColumns column names given by the user, or null to derive them; when given, their number must
     *     match the SELECT list
     * @throws InvalidRequestException (400) saying what is wrong
     */
    public static AnalyzedQuery analyze(String sql, @Nullable List<String> declaredColumns) {
        String text = sql.strip();
        if (text.isEmpty()) {
            throw invalid("must not be blank");
        }
        String firstWord = firstWord(text);
        if (FORBIDDEN_FIRST_WORDS.contains(firstWord)) {
            throw invalid(firstWord + " statements are not allowed; only a single SELECT is");
        }
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(text);
        } catch (JSQLParserException e) {
            throw invalid("not valid SQL: " + parserMessage(e));
        }
        List<Statement> list = statements.getStatements();
        if (list.isEmpty()) {
            throw invalid("contains no statement");
        }
        if (list.size() > 1) {
            throw invalid("must be exactly one statement, found " + list.size()
                    + "; chaining statements with ';' is not allowed");
        }
        Statement statement = list.get(0);
        if (!(statement instanceof Select select)) {
            throw invalid("only SELECT is allowed, this is a " + kind(statement, firstWord) + " statement");
        }
        PlainSelect plain = firstPlainSelect(select);
        if (plain == null) {
            throw invalid("only SELECT is allowed (a VALUES list is not)");
        }
        if (plain.getIntoTables() != null && !plain.getIntoTables().isEmpty()) {
            throw invalid("SELECT ... INTO writes a table and is not allowed");
        }
        List<String> derived = deriveColumns(plain);
        List<String> columns = derived;
        if (declaredColumns != null) {
            if (declaredColumns.size() != derived.size()) {
                throw new InvalidRequestException(
                        "invalid-columns",
                        "Invalid columns",
                        "columns: " + declaredColumns.size() + " declared but the SELECT list yields " + derived.size()
                                + " " + derived,
                        List.of(new FieldProblem(
                                "columns",
                                declaredColumns.size() + " declared but the SELECT list yields " + derived.size())));
            }
            columns = declaredColumns;
        }
        requireUnique(columns, declaredColumns != null);
        return new AnalyzedQuery(text, columns, AgentTables.tablesRead(statement));
    }

    private static @Nullable PlainSelect firstPlainSelect(Select select) {
        if (select instanceof PlainSelect plain) {
            return plain;
        }
        if (select instanceof ParenthesedSelect parenthesed && parenthesed.getSelect() != null) {
            return firstPlainSelect(parenthesed.getSelect());
        }
        if (select instanceof SetOperationList setOperation
                && !setOperation.getSelects().isEmpty()) {
            return firstPlainSelect(setOperation.getSelects().get(0));
        }
        return null;
    }

    private static List<String> deriveColumns(PlainSelect plain) {
        List<String> columns = new ArrayList<>();
        for (SelectItem<?> item : plain.getSelectItems()) {
            String alias =
                    item.getAlias() == null ? null : unquote(item.getAlias().getName());
            Object expression = item.getExpression();
            if (alias != null) {
                columns.add(alias);
            } else if (expression instanceof AllTableColumns tableColumns) {
                columns.addAll(expandTable(plain, tableColumns.getTable()));
            } else if (expression instanceof AllColumns) {
                columns.addAll(expandAll(plain));
            } else if (expression instanceof Column column) {
                columns.add(unquote(column.getColumnName()));
            } else {
                columns.add(String.valueOf(expression));
            }
        }
        return columns;
    }

    private static List<String> expandAll(PlainSelect plain) {
        List<FromItem> from = new ArrayList<>();
        if (plain.getFromItem() == null) {
            throw invalid("SELECT * needs a FROM clause");
        }
        from.add(plain.getFromItem());
        if (plain.getJoins() != null) {
            plain.getJoins().stream().map(Join::getFromItem).forEach(from::add);
        }
        List<String> columns = new ArrayList<>();
        for (FromItem item : from) {
            columns.addAll(knownColumns(sourceName(item)));
        }
        return columns;
    }

    private static List<String> expandTable(PlainSelect plain, Table qualifier) {
        String wanted = AgentTables.normalize(qualifier.getName());
        List<FromItem> from = new ArrayList<>();
        from.add(plain.getFromItem());
        if (plain.getJoins() != null) {
            plain.getJoins().stream().map(Join::getFromItem).forEach(from::add);
        }
        for (FromItem item : from) {
            String source = sourceName(item);
            String alias = item.getAlias() == null
                    ? null
                    : AgentTables.normalize(item.getAlias().getName());
            if (wanted.equals(alias) || wanted.equals(source)) {
                return knownColumns(source);
            }
        }
        throw invalid("'" + qualifier.getName() + ".*' names no table of the FROM clause");
    }

    private static String sourceName(@Nullable FromItem item) {
        if (item instanceof Table table) {
            return AgentTables.normalize(table.getName());
        }
        if (item instanceof TableFunction function) {
            return AgentTables.normalize(function.getFunction().getName());
        }
        throw invalid("SELECT * is only allowed over agent tables, not over a subquery; name the columns");
    }

    private static List<String> knownColumns(String table) {
        return AgentTables.columns(table)
                .orElseThrow(() -> invalid("SELECT * is only allowed for tables whose schema the hub knows; '" + table
                        + "' is not one of them, so name the columns (known: "
                        + String.join(", ", AgentTables.knownTables()) + ")"));
    }

    private static void requireUnique(List<String> columns, boolean declared) {
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (column.isBlank()) {
                throw columnsProblem("column names must not be blank");
            }
            if (!seen.add(column.toLowerCase(Locale.ROOT))) {
                throw columnsProblem("column '" + column + "' appears twice; "
                        + (declared ? "declare distinct names" : "give one of them an alias"));
            }
        }
    }

    private static InvalidRequestException columnsProblem(String message) {
        return new InvalidRequestException(
                "invalid-columns",
                "Invalid columns",
                "columns: " + message,
                List.of(new FieldProblem("columns", message)));
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(
                "invalid-query", "Invalid query", "query: " + message, List.of(new FieldProblem("query", message)));
    }

    private static String firstWord(String text) {
        Matcher comments = LEADING_COMMENTS.matcher(text);
        String rest = comments.lookingAt() ? text.substring(comments.end()) : text;
        Matcher word = FIRST_WORD.matcher(rest);
        return word.find() ? word.group(1).toUpperCase(Locale.ROOT) : "";
    }

    private static String kind(Statement statement, String firstWord) {
        return firstWord.isEmpty() ? statement.getClass().getSimpleName().toUpperCase(Locale.ROOT) : firstWord;
    }

    private static String parserMessage(JSQLParserException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage()).strip();
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline).strip();
        }
        message = message.replaceFirst("^[a-z]+(\\.[a-z]+)*\\.[A-Za-z]+Exception: ", "");
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    private static String unquote(String name) {
        String s = name.strip();
        if (s.length() >= 2
                && ((s.startsWith("\"") && s.endsWith("\""))
                        || (s.startsWith("`") && s.endsWith("`"))
                        || (s.startsWith("[") && s.endsWith("]")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
