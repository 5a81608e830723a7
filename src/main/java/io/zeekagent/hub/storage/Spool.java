package io.zeekagent.hub.storage;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream's disk spool: append-only segment files ({@link SegmentFormat}) read back in order from a committed
 * {@link SpoolCursor}. Used by one writer thread at a time; a lock file keeps a second hub off the directory.
 * Segments behind the cursor are deleted; once everything is committed the spool is emptied. A damaged segment
 * tail is skipped, counted and logged.
 */
final class Spool<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Spool.class);

    private final Path dir;
    private final RecordCodec<T> codec;
    private final SpoolBudget budget;
    private final long segmentBytes;
    private final LongConsumer damaged;
    /** Segment sequence number → its size in bytes, oldest first. */
    private final TreeMap<Long, Long> segments = new TreeMap<>();

    private final ByteArrayOutputStream encoded = new ByteArrayOutputStream(512);
    private final DataOutputStream encoder = new DataOutputStream(encoded);
    private final CRC32C crc = new CRC32C();
    private @Nullable SpoolLock lock;
    private @Nullable FileChannel out;
    private long outSequence = -1;
    private long nextSequence = 1;

    private long cursorSegment;
    private long cursorOffset;
    private @Nullable SegmentReader<T> reader;
    private long readerSegment;
    private @Nullable List<T> peeked;

    private Spool(Path dir, RecordCodec<T> codec, SpoolBudget budget, long segmentBytes, LongConsumer damaged) {
        this.dir = dir;
        this.codec = codec;
        this.budget = budget;
        this.segmentBytes = segmentBytes;
        this.damaged = damaged;
    }

    /**
     * Opens the spool in {@code dir}, taking what an earlier run left there; the directory is created only when a
     * first row is spooled.
     *
     * @param damaged told about every damaged segment tail that is skipped
     * @throws IOException when the directory cannot be read or another hub holds it
     */
    static <T> Spool<T> open(
            Path dir, RecordCodec<T> codec, SpoolBudget budget, long segmentBytes, LongConsumer damaged)
            throws IOException {
        Spool<T> spool = new Spool<>(dir, codec, budget, segmentBytes, damaged);
        if (Files.isDirectory(dir)) {
            spool.lock = SpoolLock.take(dir);
            spool.scan();
        }
        return spool;
    }

    private void scan() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                long sequence = SegmentFormat.sequence(file.getFileName().toString());
                if (sequence > 0) {
                    long size = Files.size(file);
                    segments.put(sequence, size);
                    budget.add(size);
                }
            }
        }
        nextSequence = segments.isEmpty() ? 1 : segments.lastKey() + 1;
        var cursor = SpoolCursor.read(dir);
        if (cursor.isPresent() && segments.containsKey(cursor.get().segment())) {
            cursorSegment = cursor.get().segment();
            cursorOffset = cursor.get().offset();
        } else {
            cursorSegment = segments.isEmpty() ? nextSequence : segments.firstKey();
            cursorOffset = 0;
        }
        for (Long behind : List.copyOf(segments.headMap(cursorSegment).keySet())) {
            deleteSegment(behind);
        }
        if (!segments.isEmpty()) {
            log.info("Spool {} holds {} bytes in {} segment(s) to replay", dir, bytes(), segments.size());
        }
    }

    /** Whether rows wait in the spool that are not yet committed. */
    boolean hasUnread() {
        if (segments.isEmpty()) {
            return false;
        }
        Long size = segments.get(cursorSegment);
        return segments.lastKey() > cursorSegment || (size != null && cursorOffset < size);
    }

    /** Bytes the spool takes on disk. */
    long bytes() {
        long total = 0;
        for (long size : segments.values()) {
            total += size;
        }
        return total;
    }

    /**
     * Appends rows at the end, in order; returns how many were appended. A row that does not fit in the budget is
     * left out (the caller counts it as dropped).
     *
     * @throws IOException when the disk fails; the caller counts the rows as dropped
     */
    int append(List<T> rows) throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream(rows.size() * 160);
        int appended = 0;
        for (T row : rows) {
            encoded.reset();
            codec.write(row, encoder);
            encoder.flush();
            int length = encoded.size();
            long recordBytes = SegmentFormat.RECORD_HEADER_BYTES + (long) length;
            if (out == null || segments.get(outSequence) + batch.size() + recordBytes > segmentBytes) {
                flush(batch);
                if (!budget.tryReserve(SegmentFormat.HEADER_BYTES + recordBytes)) {
                    continue;
                }
                budget.release(SegmentFormat.HEADER_BYTES + recordBytes);
                roll();
            }
            if (!budget.tryReserve(recordBytes)) {
                continue;
            }
            crc.reset();
            crc.update(encoded.toByteArray());
            DataOutputStream record = new DataOutputStream(batch);
            record.writeInt(length);
            record.writeInt((int) crc.getValue());
            encoded.writeTo(batch);
            appended++;
        }
        flush(batch);
        if (out != null) {
            out.force(false);
        }
        return appended;
    }

    /** Writes the pending bytes (already reserved in the budget) to the open segment. */
    private void flush(ByteArrayOutputStream batch) throws IOException {
        if (batch.size() == 0 || out == null) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(batch.toByteArray());
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
        segments.merge(outSequence, (long) batch.size(), Long::sum);
        batch.reset();
    }

    /** Starts a new segment (every run starts its own, so a torn tail of an earlier run is never appended to). */
    private void roll() throws IOException {
        if (lock == null) {
            lock = SpoolLock.take(dir);
        }
        if (out != null) {
            out.force(false);
            out.close();
        }
        long sequence = nextSequence++;
        FileChannel channel = FileChannel.open(
                dir.resolve(SegmentFormat.fileName(sequence)), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        channel.write(ByteBuffer.wrap(SegmentFormat.MAGIC));
        budget.add(SegmentFormat.HEADER_BYTES);
        if (segments.isEmpty()) {
            cursorSegment = sequence;
            cursorOffset = 0;
        }
        segments.put(sequence, (long) SegmentFormat.HEADER_BYTES);
        out = channel;
        outSequence = sequence;
    }

    /**
     * Up to {@code max} of the oldest uncommitted rows, without committing them: the same rows again until
     * {@link #commit()}. Damaged segment tails on the way are skipped, counted and logged.
     */
    List<T> peek(int max) throws IOException {
        if (peeked != null) {
            return peeked;
        }
        List<T> rows = new ArrayList<>(Math.min(max, 4096));
        while (rows.size() < max && !segments.isEmpty()) {
            if (reader == null) {
                readerSegment = cursorSegment;
                reader = new SegmentReader<>(dir.resolve(SegmentFormat.fileName(readerSegment)), cursorOffset, codec);
            }
            long size = segments.get(readerSegment);
            T row;
            try {
                row = reader.next(size);
            } catch (SegmentReader.Damaged e) {
                log.warn(
                        "Spool segment {} is damaged ({}); skipping its remaining {} bytes",
                        dir.resolve(SegmentFormat.fileName(readerSegment)),
                        e.getMessage(),
                        size - reader.offset());
                damaged.accept(1);
                row = null;
                reader.skipTo(size);
                if (readerSegment == outSequence && out != null) {
                    // Nothing more may follow the damage in this segment: the next row starts a new one.
                    out.close();
                    out = null;
                    outSequence = -1;
                }
            }
            if (row != null) {
                rows.add(row);
                continue;
            }
            Long next = segments.higherKey(readerSegment);
            if (next == null) {
                break;
            }
            closeReader();
            readerSegment = next;
            reader = new SegmentReader<>(dir.resolve(SegmentFormat.fileName(next)), 0, codec);
        }
        peeked = rows;
        return rows;
    }

    /** Marks the rows of the last {@link #peek} committed: the cursor moves past them, spent segments go. */
    void commit() throws IOException {
        if (peeked == null) {
            return;
        }
        peeked = null;
        if (reader != null) {
            cursorSegment = readerSegment;
            cursorOffset = reader.offset();
        }
        for (Long behind : List.copyOf(segments.headMap(cursorSegment).keySet())) {
            deleteSegment(behind);
        }
        if (!hasUnread()) {
            clear();
        } else {
            new SpoolCursor(cursorSegment, cursorOffset).write(dir);
        }
    }

    /** Everything is committed: the segments go, the next row starts a new one. */
    private void clear() throws IOException {
        closeReader();
        if (out != null) {
            out.close();
            out = null;
            outSequence = -1;
        }
        SpoolCursor.delete(dir);
        for (Long sequence : List.copyOf(segments.keySet())) {
            deleteSegment(sequence);
        }
        cursorSegment = nextSequence;
        cursorOffset = 0;
    }

    private void deleteSegment(long sequence) throws IOException {
        if (reader != null && readerSegment == sequence) {
            closeReader();
        }
        Long size = segments.remove(sequence);
        Files.deleteIfExists(dir.resolve(SegmentFormat.fileName(sequence)));
        if (size != null) {
            budget.release(size);
        }
    }

    private void closeReader() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeReader();
        if (out != null) {
            out.force(false);
            out.close();
            out = null;
        }
        for (Map.Entry<Long, Long> segment : segments.entrySet()) {
            budget.release(segment.getValue());
        }
        segments.clear();
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
