package io.zeekagent.hub.osquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** Tests for {@link LogBatchReader}. */
class LogBatchReaderTests {

    private final LogBatchReader reader = new LogBatchReader(256);

    @Test
    void dropsOversizedLinesKeepsTheRestAndTheTrailingNodeKeyAndSkipsUnusedEnvelopeFields() {
        String big = "x".repeat(1000);
        String body = "{\"log_type\":\"result\",\"data\":[" + ResultLinesTests.LOGGER_EVENT_LINE + ",{\"name\":\"q\","
                + "\"columns\":{\"a\":\"" + big + "\",\"nested\":{\"deep\":[1,2,{\"x\":\"" + big + "\"}]}},"
                + "\"action\":\"added\"}," + ResultLinesTests.LOGGER_NUMERIC_LINE + "],\"node_key\":\"k1\"}";

        LogBatch batch = read(body);

        assertThat(batch.nodeKey()).isEqualTo("k1");
        assertThat(batch.logType()).isEqualTo("result");
        assertThat(batch.oversized()).isEqualTo(1);
        assertThat(batch.lines()).hasSize(2);
        LogLine first = batch.lines().get(0);
        assertThat(first.name()).isEqualTo("test_query");
        assertThat(first.unixTime).isZero();
        assertThat(first.action).isEqualTo("added");
        assertThat(String.valueOf(first.columns())).isEqualTo("{\"test_column\":\"test_value\"}");
        Columns second = batch.lines().get(1).columns();
        assertThat(second).isNotNull();
        assertThat(second.get("test_double_column").asDouble()).isEqualTo(2.0);
    }

    @Test
    void keepsLinesSentAsStrings() {
        LogBatch batch = read("{\"data\":[\"{\\\"name\\\":\\\"q\\\"}\"]}");

        assertThat(batch.lines()).singleElement().satisfies(l -> {
            assertThat(l.sentAsText).isTrue();
            assertThat(l.name()).isEqualTo("q");
        });
    }

    @Test
    void refusesBrokenJson() {
        assertThatThrownBy(() -> read("{\"data\":[{\"name\":")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> read("[]")).isInstanceOf(MalformedBodyException.class);
    }

    private LogBatch read(String body) {
        return reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
