package io.zeekagent.hub.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.support.FlakyJdbcTemplate;
import io.zeekagent.hub.support.TestWriters;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link ResultWriter}: a brief database outage costs no row; the buffer stays bounded and counted. */
class ResultWriterTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FlakyJdbcTemplate jdbc = new FlakyJdbcTemplate();
    private ResultWriter writer;

    @AfterEach
    void stop() {
        if (writer != null && writer.isRunning()) {
            writer.stop();
        }
    }

    @Test
    void holdsABatchThroughADatabaseOutageAndWritesItWhenTheDatabaseAnswers() throws InterruptedException {
        jdbc.failures.set(3);
        writer = writer(100);
        writer.start();
        for (int i = 0; i < 20; i++) {
            writer.offer(row(i));
        }

        assertThat(writer.awaitWritten(20_000)).isTrue();
        assertThat(jdbc.stored).hasSize(20);
        assertThat(jdbc.attempts.get()).isGreaterThan(3);
        assertThat(meters.counter("hub.results.stored").count()).isEqualTo(20);
        assertThat(dropped()).isZero();
    }

    @Test
    void dropsAndCountsRowsBeyondTheQueueWhileTheDatabaseIsAway() throws InterruptedException {
        writer = writer(10);
        for (int i = 0; i < 25; i++) {
            writer.offer(row(i));
        }
        jdbc.failures.set(2);
        writer.start();

        assertThat(writer.awaitWritten(20_000)).isTrue();
        assertThat(jdbc.stored).hasSize(10);
        assertThat(dropped("buffer-full")).isEqualTo(15);
        assertThat(dropped("write-failed")).isZero();
    }

    private double dropped() {
        return meters.find("hub.writer.dropped").tag("stream", "results").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private double dropped(String reason) {
        return meters.counter("hub.writer.dropped", "stream", "results", "reason", reason)
                .count();
    }

    private ResultWriter writer(int capacity) {
        return new ResultWriter(
                jdbc,
                new ResultsProperties(Duration.ofDays(1), 100, Duration.ofMillis(20), capacity, Duration.ofSeconds(5)),
                TestWriters.inMemory(meters),
                meters);
    }

    private static StoredResult row(int n) {
        return new StoredResult("sub", "h" + n, RowUpdate.ADD, Instant.now(), "{\"n\":" + n + "}");
    }
}
