package io.zeekagent.hub.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link QueryAnalyzer}. */
class QueryAnalyzerTests {

    @Test
    void derivesColumnsFromTheSelectListWithAliasesWinning() {
        AnalyzedQuery query = QueryAnalyzer.analyze(
                "SELECT s.pid, exe AS program, remote_port FROM socket_events s WHERE family = 2", null);
        assertThat(query.columns()).containsExactly("pid", "program", "remote_port");
        assertThat(query.tables()).containsExactly("socket_events");
    }

    @Test
    void expandsStarForKnownTables() {
        assertThat(QueryAnalyzer.analyze("SELECT * FROM zeek_logger", null).columns())
                .containsExactly("message", "severity", "time");
        assertThat(QueryAnalyzer.analyze("SELECT l.*, 1 AS one FROM zeek_logger l", null)
                        .columns())
                .containsExactly("message", "severity", "time", "one");
        assertThat(QueryAnalyzer.analyze("SELECT * FROM zeek_configuration JOIN zeek_table_list", null)
                        .columns())
                .containsExactly("key", "value", "name");
    }

    @Test
    void namesUnaliasedExpressionsByTheirText() {
        assertThat(QueryAnalyzer.analyze("SELECT count(*), 1 FROM processes", null)
                        .columns())
                .containsExactly("count(*)", "1");
    }

    @Test
    void usesDeclaredColumnsWhenTheirNumberMatches() {
        assertThat(QueryAnalyzer.analyze("SELECT pid, count(*) FROM processes GROUP BY pid", List.of("pid", "n"))
                        .columns())
                .containsExactly("pid", "n");
    }

    @Test
    void rejectsDeclaredColumnsOfTheWrongNumber() {
        assertThatThrownBy(() -> QueryAnalyzer.analyze("SELECT pid, name FROM processes", List.of("pid")))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(FieldProblem::field)
                                .containsExactly("columns"))
                .hasMessageContaining("1 declared but the SELECT list yields 2");
    }

    @Test
    void acceptsUnionsAndATrailingSemicolon() {
        assertThat(QueryAnalyzer.analyze("SELECT pid FROM processes UNION SELECT pid FROM sockets;", null)
                        .columns())
                .containsExactly("pid");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "DROP TABLE hosts|only SELECT is allowed, this is a DROP statement",
                "DELETE FROM socket_events|this is a DELETE statement",
                "INSERT INTO t VALUES (1)|this is a INSERT statement",
                "UPDATE t SET a = 1|this is a UPDATE statement",
                "CREATE TABLE t (a int)|this is a CREATE statement",
                "SELECT 1; DELETE FROM x|exactly one statement, found 2",
                "SELECT 1; SELECT 2|exactly one statement, found 2",
                "PRAGMA table_info(socket_events)|PRAGMA statements are not allowed",
                "ATTACH DATABASE '/tmp/x.db' AS x|ATTACH statements are not allowed",
                "/* hidden */ pragma writable_schema = 1|PRAGMA statements are not allowed",
                "SELEC pid FROM processes|not valid SQL",
                "SELECT * FROM listening_ports|'listening_ports' is not one of them",
                "SELECT * FROM (SELECT pid FROM processes)|not over a subquery",
                "SELECT pid, pid FROM processes|column 'pid' appears twice",
                "SELECT pid INTO t FROM processes|SELECT ... INTO",
                "\"   \"|must not be blank"
            })
    void rejectsWhatIsNotASingleSelectSayingWhy(String sql, String reason) {
        assertThatThrownBy(() -> QueryAnalyzer.analyze(sql, null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(reason);
    }
}
