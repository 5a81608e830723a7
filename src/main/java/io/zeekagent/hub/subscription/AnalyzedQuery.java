package io.zeekagent.hub.subscription;

import java.util.List;
import java.util.Set;

/**
 * A query that passed {@link QueryAnalyzer}: exactly one SELECT.
 *
 * @param sql the query text, trimmed
 * @param columns the result columns in SELECT order (declared names when given, else derived)
 * @param tables the tables it reads, lower case
 */
public record AnalyzedQuery(String sql, List<String> columns, Set<String> tables) {

    public AnalyzedQuery {
        columns = List.copyOf(columns);
        tables = Set.copyOf(tables);
    }
}
