package io.zeekagent.hub.osquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.ingest.SocketEventInput;
import io.zeekagent.hub.result.RowUpdate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link LogLineReader}: the streaming read of log lines into rows, on the edges a tree would have
 * handled for free (unicode, escapes, numbers as text, missing and repeated fields, nested values, huge numbers,
 * limits inside rows).
 */
class LogLineReaderTests {

    private static final String SOCKET_ROW = "{\"action\":\"connect\",\"pid\":\"30220\",\"fd\":\"a\",\"path\":"
            + "\"/usr/bin/curl\",\"family\":\"2\",\"local_address\":\"\",\"local_port\":\"0\",\"remote_address\":"
            + "\"172.217.164.110\",\"remote_port\":\"80\",\"status\":\"succeeded\",\"time\":\"1527895541\"}";

    @Test
    void readsUnicodeAsRawUtf8AndAsEscapes() {
        String body = "{\"log_type\":\"result\",\"data\":[{\"name\":\"q\",\"columns\":{\"path\":\"/opt/café/日本/🦆\","
                + "\"cmd\":\"caf\\u00e9 \\ud83e\\udd86\"},\"action\":\"added\"}]}";

        Columns row = read(body, 1 << 20).lines().get(0).columns();

        assertThat(row).isNotNull();
        assertThat(row.get("path").asString()).isEqualTo("/opt/café/日本/🦆");
        assertThat(row.get("cmd").asString()).isEqualTo("café 🦆");
    }

    @Test
    void readsEscapesInValuesAndInNames() {
        Columns row = ResultLinesTests.json("{\"path\":\"C:\\\\Program Files\\\\x \\\"y\\\"\\/z\\n\","
                + "\"remote\\u005faddress\":\"10.0.0.1\",\"action\":\"connect\",\"family\":2}");

        assertThat(row.get("path").asString()).isEqualTo("C:\\Program Files\\x \"y\"/z\n");
        SocketEventInput e = OsquerySocketEvents.map("h", row, null);
        assertThat(e).isNotNull();
        assertThat(e.remoteAddress()).isEqualTo("10.0.0.1");
    }

    @Test
    void readsNumbersSentAsTextWithBlanksAndRefusesTextThatIsNoWholeNumber() {
        Columns row = ResultLinesTests.json("{\"action\":\"bind\",\"pid\":\" 42 \",\"family\":\"10\","
                + "\"local_address\":\"0000:0000:0000:0000:0000:0000:0000:0001\",\"local_port\":\"8080x\","
                + "\"time\":\"1.5\",\"fd\":\"1f\"}");

        SocketEventInput e = OsquerySocketEvents.map("h", row, 1764988600L);

        assertThat(e).isNotNull();
        assertThat(e.pid()).isEqualTo(42L);
        assertThat(e.family()).isEqualTo(10);
        assertThat(e.localAddress()).isEqualTo("::1");
        assertThat(e.localPort()).isNull();
        assertThat(e.fd()).isEqualTo(31L);
        assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(1764988600L));
    }

    @Test
    void takesNumbersBeyondSixtyFourBitsAsNoNumberRatherThanRefusingTheBatch() {
        LogLine line = ResultLinesTests.line("{\"name\":\"q\",\"unixTime\":99999999999999999999,\"columns\":"
                + "{\"pid\":123456789012345678901234567890,\"ratio\":2.5,\"ok\":true,\"none\":null},"
                + "\"action\":\"added\"}");
        List<ResultRow> rows = new ArrayList<>();

        assertThat(ResultLines.rows(line, rows)).isTrue();

        ResultRow row = rows.get(0);
        assertThat(row.unixTime()).isNull();
        assertThat(Columns.number(row.columns().value(0))).isNull();
        assertThat(OsqueryLogs.values(List.of("ratio", "ok", "none", "absent"), row.columns()::get))
                .containsExactly(BrokerValue.real(2.5), BrokerValue.bool(true), BrokerValue.none(), BrokerValue.none());
    }

    @Test
    void treatsMissingFieldsAsOsqueryOmitsThem() {
        // No status: success from the hidden success column; no time: the line's unixTime.
        SocketEventInput e = OsquerySocketEvents.map(
                "h", ResultLinesTests.json("{\"action\":\"connect\",\"success\":\"1\"}"), 1764988600L);
        assertThat(e).isNotNull();
        assertThat(e.success()).isTrue();
        assertThat(e.pid()).isNull();
        assertThat(e.fd()).isNull();
        assertThat(e.exe()).isNull();
        assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(1764988600L));

        List<ResultRow> out = new ArrayList<>();
        assertThat(ResultLines.rows(ResultLinesTests.line("{\"columns\":{},\"action\":\"added\"}"), out))
                .isFalse();
        assertThat(ResultLines.rows(ResultLinesTests.line("{\"name\":\"q\",\"unixTime\":1}"), out))
                .isFalse();
        assertThat(ResultLines.rows(ResultLinesTests.line("{\"name\":\"q\",\"columns\":{}}"), out))
                .isFalse();
        assertThat(ResultLines.rows(ResultLinesTests.line("{\"name\":\"q\",\"diffResults\":{}}"), out))
                .isTrue();
        assertThat(ResultLines.rows(ResultLinesTests.line("{\"name\":\"q\",\"snapshot\":null}"), out))
                .isTrue();
        assertThat(out).isEmpty();
    }

    @Test
    void keepsTheLastOfARepeatedFieldAsAJsonObjectWould() {
        List<ResultRow> out = new ArrayList<>();
        LogLine line = ResultLinesTests.line("{\"name\":\"a\",\"name\":\"b\",\"columns\":{\"x\":\"1\"},"
                + "\"columns\":\"\",\"snapshot\":[{\"x\":\"1\",\"x\":\"2\"},3,[4]],\"action\":\"snapshot\"}");

        assertThat(ResultLines.rows(line, out)).isTrue();

        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("b");
            assertThat(r.update()).isEqualTo(RowUpdate.SNAPSHOT);
            assertThat(r.columns().get("x").asString()).isEqualTo("2");
        });
    }

    @Test
    void refusesRowsThatAreNoArrayButKeepsTheOtherSideOfABatchLine() {
        List<ResultRow> out = new ArrayList<>();
        LogLine line = ResultLinesTests.line(
                "{\"name\":\"q\",\"diffResults\":{\"added\":5,\"removed\":[{\"a\":\"1\"}],\"other\":[1]}}");

        assertThat(ResultLines.rows(line, out)).isFalse();
        assertThat(out).singleElement().satisfies(r -> assertThat(r.update()).isEqualTo(RowUpdate.REMOVE));
    }

    @Test
    void keepsNestedColumnValuesAsJson() {
        Columns row = ResultLinesTests.json("{\"tags\":{\"a\":[1,\"x\",null,{\"b\":false}]},\"n\":\"1\"}");

        assertThat(OsqueryLogs.values(List.of("tags", "n"), row::get))
                .containsExactly(BrokerValue.string("{\"a\":[1,\"x\",null,{\"b\":false}]}"), BrokerValue.string("1"));
        assertThat(Columns.text(row.value(0))).isNull();
    }

    @Test
    void dropsALineOverTheLimitWhereverItGrowsAndKeepsTheNext() {
        String rows = ("{\"a\":\"" + "y".repeat(60) + "\"},").repeat(10);
        String big = "{\"name\":\"q\",\"snapshot\":[" + rows + "{\"a\":\"z\"}],\"action\":\"snapshot\"}";
        String deep = "{\"name\":\"q\",\"columns\":{\"n\":{\"m\":[[[\"" + "y".repeat(400) + "\"]]]}},"
                + "\"action\":\"added\"}";
        String text = "\"" + "{\\\"name\\\":\\\"q\\\"}" + " ".repeat(400) + "\"";
        String hiddenInSkipped = "{\"name\":\"q\",\"decorations\":{\"k\":\"" + "y".repeat(400) + "\"},"
                + "\"columns\":{},\"action\":\"added\"}";
        String body =
                "{\"data\":[" + big + "," + deep + "," + text + "," + hiddenInSkipped + "," + SOCKET_ROW_LINE + "]}";

        LogBatch batch = read(body, 300);

        assertThat(batch.oversized()).isEqualTo(4);
        assertThat(batch.lines())
                .singleElement()
                .satisfies(l -> assertThat(l.name()).isEqualTo("sock"));
    }

    @Test
    void readsStatusLinesWithNumbersAsText() {
        LogBatch batch = read(
                "{\"log_type\":\"status\",\"data\":[{\"hostIdentifier\":\"h\",\"severity\":\"2\",\"filename\":"
                        + "\"x.cpp\",\"line\":42,\"message\":\"boom \\\"quoted\\\"\",\"version\":\"5.23.1\"}]}",
                1 << 20);

        LogLine line = batch.lines().get(0);
        assertThat(line.severity).isEqualTo(2L);
        assertThat(line.line).isEqualTo("42");
        assertThat(line.filename).isEqualTo("x.cpp");
        assertThat(line.message).isEqualTo("boom \"quoted\"");
    }

    @Test
    void takesTextThatIsNoSingleJsonObjectAsNoLine() {
        assertThat(ResultLinesTests.line("{\"name\":\"q\"} x").isObject()).isFalse();
        assertThat(ResultLinesTests.line("{\"name\":\"q\"").isObject()).isFalse();
        assertThat(ResultLinesTests.line("").isObject()).isFalse();
        assertThat(ResultLinesTests.line("\"{}\"").isObject()).isFalse();
        assertThat(read("{\"data\":[1,[2],null]}", 256).lines())
                .hasSize(3)
                .allSatisfy(l -> assertThat(l.isObject()).isFalse());
    }

    private static final String SOCKET_ROW_LINE =
            "{\"name\":\"sock\",\"columns\":" + SOCKET_ROW + ",\"action\":\"added\"}";

    private static LogBatch read(String body, long maxLineBytes) {
        return new LogBatchReader(maxLineBytes).read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
