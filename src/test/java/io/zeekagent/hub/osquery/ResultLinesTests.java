package io.zeekagent.hub.osquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.result.RowUpdate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link ResultLines}: golden lines from osquery's {@code osquery/logger/tests/logger.cpp}
 * (test_logger_scheduled_query, test_logger_numeric_flag) and Fleet's {@code server/service/osquery_test.go}
 * (TestSubmitResultLogs: legacy string envelope numbers, {@code "added": ""}, snapshots).
 */
class ResultLinesTests {

    /** logger.cpp test_logger_scheduled_query, the expected event-format line, byte for byte. */
    static final String LOGGER_EVENT_LINE = "{\"name\":\"test_query\",\"hostIdentifier\":\"unknown_test_host\","
            + "\"calendarTime\":\"no_time\",\"unixTime\":0,\"epoch\":0,\"counter\":0,\"numerics\":false,"
            + "\"columns\":{\"test_column\":\"test_value\"},\"action\":\"added\"}";

    /** logger.cpp test_logger_numeric_flag with --logger_numerics. */
    static final String LOGGER_NUMERIC_LINE = "{\"name\":\"test_query\",\"hostIdentifier\":\"unknown_test_host\","
            + "\"calendarTime\":\"no_time\",\"unixTime\":0,\"epoch\":0,\"counter\":0,\"numerics\":true,"
            + "\"columns\":{\"test_double_column\":2.0},\"action\":\"added\"}";

    /** Fleet TestSubmitResultLogs: batch format from an old osquery, "added" as "", epoch/counter as text. */
    static final String FLEET_LEGACY_DIFF = "{\"diffResults\":{\"removed\":[{\"address\":\"127.0.0.1\","
            + "\"hostnames\":\"kl.groob.io\"}],\"added\":\"\"},\"name\":\"pack\\/team-1/hosts\","
            + "\"hostIdentifier\":\"FA01680E-98CA-5557-8F59-7716ECFEE964\",\"calendarTime\":\"Sun Nov 19 00:02:08"
            + " 2017 UTC\",\"unixTime\":1511049728,\"epoch\":\"0\",\"counter\":\"10\",\"decorations\":{\"host_uuid\":"
            + "\"FA01680E-98CA-5557-8F59-7716ECFEE964\",\"hostname\":\"kl.groob.io\"}}";

    /** Fleet TestSubmitResultLogs: a snapshot line. */
    static final String FLEET_SNAPSHOT = "{\"snapshot\":[{\"hour\":\"20\",\"minutes\":\"8\"}],\"action\":\"snapshot\","
            + "\"name\":\"pack/Global/time\",\"hostIdentifier\":\"1379f59d98f4\",\"calendarTime\":\"Tue Jan 10"
            + " 20:08:52 2017 UTC\",\"unixTime\":1484078932,\"decorations\":{\"host_uuid\":"
            + "\"EB714C9D-C1F8-A436-B6DA-3F853C5502EA\"}}";

    @Test
    void readsTheEventFormatLineOfOsquerysLoggerTest() {
        List<ResultRow> rows = rows(LOGGER_EVENT_LINE);

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("test_query");
            assertThat(r.update()).isEqualTo(RowUpdate.ADD);
            assertThat(r.columns().get("test_column").asString()).isEqualTo("test_value");
            assertThat(r.unixTime()).isZero();
        });
    }

    @Test
    void readsNumericColumnsOfLoggerNumerics() {
        assertThat(rows(LOGGER_NUMERIC_LINE))
                .singleElement()
                .satisfies(r -> assertThat(r.columns().get("test_double_column").asDouble())
                        .isEqualTo(2.0));
    }

    @Test
    void readsLegacyBatchLinesWithAnEmptyStringForNoRows() {
        List<ResultRow> rows = rows(FLEET_LEGACY_DIFF);

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.update()).isEqualTo(RowUpdate.REMOVE);
            assertThat(r.columns().get("hostnames").asString()).isEqualTo("kl.groob.io");
            assertThat(r.unixTime()).isEqualTo(1511049728L);
        });
    }

    @Test
    void readsSnapshotLines() {
        assertThat(rows(FLEET_SNAPSHOT)).singleElement().satisfies(r -> {
            assertThat(r.update()).isEqualTo(RowUpdate.SNAPSHOT);
            assertThat(r.name()).isEqualTo("pack/Global/time");
        });
    }

    @Test
    void readsEnvelopeNumbersSentAsText() {
        String line = "{\"name\":\"q\",\"unixTime\":\"1647345732\",\"epoch\":\"0\",\"counter\":\"3\","
                + "\"columns\":{\"a\":\"1\"},\"action\":\"removed\"}";

        assertThat(rows(line)).singleElement().satisfies(r -> {
            assertThat(r.unixTime()).isEqualTo(1647345732L);
            assertThat(r.update()).isEqualTo(RowUpdate.REMOVE);
        });
    }

    @Test
    void refusesLinesThatAreNoResultLines() {
        List<ResultRow> out = new ArrayList<>();

        assertThat(ResultLines.rows(line("{\"severity\":2,\"message\":\"x\"}"), out))
                .isFalse();
        assertThat(ResultLines.rows(line("{\"name\":\"q\",\"columns\":{},\"action\":\"moved\"}"), out))
                .isFalse();
        assertThat(ResultLines.rows(line("[1,2]"), out)).isFalse();
        assertThat(out).isEmpty();
    }

    static List<ResultRow> rows(String line) {
        List<ResultRow> out = new ArrayList<>();
        assertThat(ResultLines.rows(line(line), out)).isTrue();
        return out;
    }

    /** A log line read as the hub reads one sent as text. */
    static LogLine line(String text) {
        return LogLineReader.parse(text, Long.MAX_VALUE);
    }

    /** A row as read from an event-format line whose columns are {@code text}. */
    static Columns json(String text) {
        Columns row = line("{\"name\":\"q\",\"columns\":" + text + ",\"action\":\"added\"}")
                .columns();
        assertThat(row).isNotNull();
        return row;
    }
}
