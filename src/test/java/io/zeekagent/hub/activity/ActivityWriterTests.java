package io.zeekagent.hub.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.support.FlakyJdbcTemplate;
import io.zeekagent.hub.support.TestWriters;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link ActivityWriter}: a brief database outage costs no entry; the queue stays bounded and counted. */
class ActivityWriterTests {

    @TempDir
    Path directory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FlakyJdbcTemplate jdbc = new FlakyJdbcTemplate();
    private ActivityWriter writer;

    @AfterEach
    void stop() {
        if (writer != null && writer.isRunning()) {
            writer.stop();
        }
    }

    @Test
    void holdsEntriesThroughADatabaseOutageAndWritesThemWhenTheDatabaseAnswers() throws InterruptedException {
        jdbc.failures.set(3);
        writer = writer(100);
        writer.start();
        for (int i = 0; i < 20; i++) {
            writer.offer(entry(i));
        }

        assertThat(writer.awaitWritten(20_000)).isTrue();
        assertThat(jdbc.stored).hasSize(20);
        assertThat(jdbc.attempts.get()).isGreaterThan(3);
        assertThat(dropped("write-failed")).isZero();
        assertThat(dropped("buffer-full")).isZero();
    }

    @Test
    void dropsAndCountsEntriesBeyondTheQueueWhileTheDatabaseIsAway() throws InterruptedException {
        writer = writer(10);
        for (int i = 0; i < 25; i++) {
            writer.offer(entry(i));
        }
        jdbc.failures.set(2);
        writer.start();

        assertThat(writer.awaitWritten(20_000)).isTrue();
        assertThat(jdbc.stored).hasSize(10);
        assertThat(dropped("buffer-full")).isEqualTo(15);
    }

    private ActivityWriter writer(int capacity) {
        return new ActivityWriter(
                new ActivityProperties(directory.resolve("zeek-agent.log"), false, capacity, Duration.ofDays(1)),
                jdbc,
                TestWriters.inMemory(meters));
    }

    private double dropped(String reason) {
        return meters.counter("hub.writer.dropped", "stream", "activity", "reason", reason)
                .count();
    }

    private static ActivityRecord entry(int n) {
        return new ActivityRecord(Instant.now(), "host", "h" + n, "info", "entry " + n);
    }
}
