package io.zeekagent.hub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

/** Tests for {@link SpoolHealthIndicator}: DEGRADED while rows wait in a spool, UP again once it is replayed. */
class SpoolHealthIndicatorTests {

    @TempDir
    Path directory;

    @Test
    void saysDegradedWhileRowsWaitInTheSpoolAndUpOnceTheyAreWritten() {
        DurableWriters writers = new DurableWriters(
                new SpoolProperties(
                        true, directory, DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), Duration.ofSeconds(10)),
                new SimpleMeterRegistry());
        TestDatabase database = new TestDatabase();
        DurableWriter<TestRow> writer =
                writers.create(new WriterSettings("test", 10, Duration.ofMillis(10), 1000), TestRow.CODEC, database);
        SpoolHealthIndicator health = new SpoolHealthIndicator(writers);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        database.down.set(true);
        writer.start();
        try {
            IntStream.range(0, 20).forEach(n -> writer.offer(TestRow.of(n)));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.spoolBytes() > 0);
            assertThat(health.health().getStatus().getCode()).isEqualTo("DEGRADED");

            database.down.set(false);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> health.health().getStatus().equals(Status.UP));
            assertThat(database.rows).hasSize(20);
        } finally {
            writer.stop();
        }
    }
}
