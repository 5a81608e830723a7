package io.zeekagent.hub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link Spool}: order and cursor across restarts, damaged segments skipped and counted, the lock. */
class SpoolTests {

    /** Bytes of one {@link TestRow} record of a one-digit number: header 8, host 4 + 2, number 4. */
    private static final int RECORD = 18;

    @TempDir
    Path directory;

    private final SpoolBudget budget = new SpoolBudget(1 << 20);
    private final AtomicLong damaged = new AtomicLong();

    @Test
    void keepsItsCursorAcrossARestartSoCommittedRowsAreNotReplayed() throws IOException {
        try (Spool<TestRow> spool = open()) {
            assertThat(spool.append(rows(0, 10))).isEqualTo(10);
            assertThat(spool.peek(4)).extracting(TestRow::n).containsExactly(0, 1, 2, 3);
            assertThat(spool.peek(4)).extracting(TestRow::n).containsExactly(0, 1, 2, 3);
            spool.commit();
        }
        try (Spool<TestRow> spool = open()) {
            assertThat(spool.hasUnread()).isTrue();
            assertThat(spool.peek(100)).extracting(TestRow::n).containsExactly(4, 5, 6, 7, 8, 9);
            spool.commit();
            assertThat(spool.hasUnread()).isFalse();
            assertThat(segments()).isEmpty();
        }
        assertThat(budget.used()).isZero();
    }

    @Test
    void skipsATruncatedLastSegmentAndACorruptedRecordCountsThemAndReplaysTheRest() throws IOException {
        try (Spool<TestRow> spool = open()) {
            spool.append(rows(0, 10));
        }
        try (Spool<TestRow> spool = open()) {
            spool.append(rows(10, 20));
        }
        List<Path> segments = segments();
        assertThat(segments).hasSize(2);
        // A flipped bit in the 6th record of the first segment (its checksum no longer matches) ...
        flipByte(segments.get(0), SegmentFormat.HEADER_BYTES + 5L * RECORD + 12);
        // ... and a torn write: the second segment ends in the middle of its 8th record.
        truncate(segments.get(1), SegmentFormat.HEADER_BYTES + 7L * RECORD + 5);

        List<Integer> replayed = new ArrayList<>();
        try (Spool<TestRow> spool = open()) {
            while (spool.hasUnread()) {
                spool.peek(3).forEach(r -> replayed.add(r.n()));
                spool.commit();
            }
        }

        assertThat(replayed).containsExactly(0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 16);
        assertThat(damaged).hasValue(2);
        assertThat(segments()).isEmpty();
    }

    @Test
    void skipsASegmentThatIsNotOne() throws IOException {
        try (Spool<TestRow> spool = open()) {
            spool.append(rows(0, 3));
        }
        Files.write(directory.resolve(SegmentFormat.fileName(2)), new byte[] {1, 2, 3});
        try (Spool<TestRow> spool = open()) {
            assertThat(spool.peek(10)).extracting(TestRow::n).containsExactly(0, 1, 2);
            spool.commit();
            assertThat(spool.hasUnread()).isFalse();
        }
        assertThat(damaged).hasValue(1);
    }

    @Test
    void refusesADirectoryAnotherWriterHolds() throws IOException {
        try (Spool<TestRow> spool = open()) {
            spool.append(rows(0, 1));
            assertThatThrownBy(this::open).isInstanceOf(IOException.class).hasMessageContaining("in use");
        }
    }

    private Spool<TestRow> open() throws IOException {
        return Spool.open(directory, TestRow.CODEC, budget, 1 << 20, damaged::addAndGet);
    }

    private static List<TestRow> rows(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(n -> new TestRow("h" + (n % 3), n))
                .toList();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(SegmentFormat.SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    private static void flipByte(Path file, long at) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x40);
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }
}
