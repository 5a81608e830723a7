package io.zeekagent.hub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Tests for {@link DurableWriter}: without a spool an outage is held in memory; with one, rows go through the spool
 * and come out once each and in order, a crash while spooling is replayed at the next start, a full spool drops exactly
 * what does not fit.
 */
class DurableWriterTests {

    /** The small buffer of the spooling tests: an outage outlasts it at once. */
    private static final int CAPACITY = 100;

    @TempDir
    Path directory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestDatabase database = new TestDatabase();
    private final List<DurableWriter<TestRow>> writers = new ArrayList<>();

    @AfterEach
    void stop() {
        writers.forEach(DurableWriter::stop);
    }

    @Test
    void withoutASpoolHoldsRowsThroughAnOutageInMemoryAndWritesThemWhenTheDatabaseReturns() {
        DurableWriter<TestRow> writer = writer(inMemory(), 100);
        database.down.set(true);
        writer.start();
        IntStream.range(0, 50)
                .forEach(n -> assertThat(writer.offer(TestRow.of(n))).isTrue());
        await().atMost(Duration.ofSeconds(10)).until(() -> database.attempts.get() >= 3);

        database.down.set(false);

        await().atMost(Duration.ofSeconds(10)).until(() -> database.rows.size() == 50);
        assertThat(database.numbers()).isEqualTo(IntStream.range(0, 50).boxed().toList());
        assertThat(counter("hub.writer.retried")).isPositive();
        assertThat(counter("hub.writer.spooled")).isZero();
        assertThat(directory.resolve("test")).doesNotExist();
        assertThat(writer.isAlive()).isTrue();
    }

    @Test
    void aDriverAssertionDuringAnOutageIsRetriedLikeTheOutageAndDoesNotEndTheWriter() {
        DurableWriter<TestRow> writer = writer(inMemory(), 100);
        database.driverAssertions.set(2);
        writer.start();
        IntStream.range(0, 10).forEach(n -> writer.offer(TestRow.of(n)));

        await().atMost(Duration.ofSeconds(10)).until(() -> database.rows.size() == 10);
        assertThat(database.numbers()).isEqualTo(IntStream.range(0, 10).boxed().toList());
        assertThat(database.attempts.get()).isGreaterThanOrEqualTo(3);
        assertThat(writer.isAlive()).isTrue();
    }

    @Test
    void givesUpOnABatchThatFailsForAnotherReasonAndKeepsWriting() {
        DurableWriter<TestRow> writer = writer(spooling(DataSize.ofMegabytes(1)), 100);
        writer.start();
        writer.offer(new TestRow("poison", -1));
        await().atMost(Duration.ofSeconds(10)).until(() -> dropped("write-failed") == 1);
        writer.offer(TestRow.of(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> database.rows.size() == 1);
        assertThat(writer.isAlive()).isTrue();
    }

    @Test
    void spoolsAnOutageLongerThanTheBufferAndStoresEveryRowOnceInOrderWhenTheDatabaseReturns() {
        DurableWriter<TestRow> writer = writer(spooling(DataSize.ofMegabytes(1)), CAPACITY);
        database.down.set(true);
        writer.start();
        offerPaced(writer, 0, 500);
        await().atMost(Duration.ofSeconds(20)).until(() -> counter("hub.writer.spooled") == 500);
        assertThat(writer.spoolBytes()).isPositive();
        assertThat(segments()).isNotEmpty();

        database.down.set(false);

        await().atMost(Duration.ofSeconds(20)).until(() -> database.rows.size() >= 500 && writer.spoolBytes() == 0);
        assertThat(database.numbers()).isEqualTo(IntStream.range(0, 500).boxed().toList());
        assertThat(dropped()).isZero();
        assertThat(counter("hub.writer.written")).isEqualTo(500);
        assertThat(segments()).isEmpty();
    }

    @Test
    void replaysWhatACrashLeftInTheSpoolAtTheNextStartOnceEach() {
        DurableWriters spool = spooling(DataSize.ofMegabytes(1));
        DurableWriter<TestRow> crashed = writer(spool, CAPACITY);
        database.down.set(true);
        crashed.start();
        offerPaced(crashed, 0, 300);
        await().atMost(Duration.ofSeconds(20)).until(() -> counter("hub.writer.spooled") == 300);
        // The database comes back for two batches of the replay, then goes away again, and the hub dies.
        database.batchesBeforeOutage.set(2);
        database.down.set(false);
        // Two replayed batches committed; spooled batches hold up to 10 rows (fewer when rows came slowly).
        await().atMost(Duration.ofSeconds(20)).until(() -> database.batchesBeforeOutage.get() == 0);
        assertThat(database.rows.size()).isBetween(2, 20);
        crashed.abandon();
        writers.remove(crashed);
        database.batchesBeforeOutage.set(-1);

        DurableWriter<TestRow> restarted = writer(spooling(DataSize.ofMegabytes(1)), CAPACITY);
        restarted.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> database.rows.size() >= 300 && restarted.spoolBytes() == 0);
        assertThat(database.numbers()).isEqualTo(IntStream.range(0, 300).boxed().toList());
        assertThat(segments()).isEmpty();
    }

    @Test
    void spoolsTheBufferOnAShutdownDuringAnOutageAndWritesItAtTheNextStart() {
        DurableWriter<TestRow> first = writer(spooling(DataSize.ofMegabytes(1)), 100);
        database.down.set(true);
        IntStream.range(0, 40).forEach(n -> first.offer(TestRow.of(n)));
        first.start();
        first.stop();
        writers.remove(first);
        assertThat(database.rows).isEmpty();
        assertThat(segments()).isNotEmpty();

        database.down.set(false);
        DurableWriter<TestRow> second = writer(spooling(DataSize.ofMegabytes(1)), 100);
        second.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> database.rows.size() >= 40 && second.spoolBytes() == 0);
        assertThat(database.numbers()).isEqualTo(IntStream.range(0, 40).boxed().toList());
    }

    @Test
    void dropsAndCountsExactlyTheRowsThatDoNotFitInAFullSpool() {
        // Each record: 8 bytes of length and checksum + 4 + 2 ("h0") + 4 = 18; the segment header is 8.
        int fits = 25;
        DurableWriter<TestRow> writer = writer(spooling(DataSize.ofBytes(8 + 18L * fits)), CAPACITY);
        database.down.set(true);
        writer.start();
        offerPaced(writer, 0, 100);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> counter("hub.writer.spooled") + dropped("spool-full") == 100);

        assertThat(counter("hub.writer.spooled")).isEqualTo(fits);
        assertThat(dropped("spool-full")).isEqualTo(100 - fits);
        database.down.set(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> writer.spoolBytes() == 0);
        assertThat(database.numbers())
                .isEqualTo(IntStream.range(0, fits).boxed().toList());
    }

    /** Offers rows no faster than the writer empties its small buffer, as agents at a steady rate would. */
    private static void offerPaced(DurableWriter<TestRow> writer, int from, int to) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int n = from; n < to; n++) {
            while (writer.queued() >= CAPACITY / 2) {
                assertThat(System.nanoTime())
                        .as("the writer empties its buffer")
                        .isLessThan(deadline);
                LockSupport.parkNanos(1_000_000);
            }
            assertThat(writer.offer(TestRow.of(n))).isTrue();
        }
    }

    private DurableWriters spooling(DataSize maxSize) {
        return new DurableWriters(
                new SpoolProperties(true, directory, maxSize, DataSize.ofKilobytes(1), Duration.ofSeconds(10)), meters);
    }

    private DurableWriters inMemory() {
        return new DurableWriters(
                new SpoolProperties(
                        false, directory, DataSize.ofMegabytes(1), DataSize.ofKilobytes(1), Duration.ofSeconds(10)),
                meters);
    }

    private DurableWriter<TestRow> writer(DurableWriters factory, int capacity) {
        DurableWriter<TestRow> writer = factory.create(
                new WriterSettings("test", 10, Duration.ofMillis(20), capacity), TestRow.CODEC, database);
        writers.add(writer);
        return writer;
    }

    private List<Path> segments() {
        Path dir = directory.resolve("test");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".seg")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private double counter(String name) {
        return meters.find(name).tag("stream", "test").counter().count();
    }

    private double dropped(String reason) {
        return meters.counter("hub.writer.dropped", "stream", "test", "reason", reason)
                .count();
    }

    private double dropped() {
        return meters.find("hub.writer.dropped").tag("stream", "test").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
