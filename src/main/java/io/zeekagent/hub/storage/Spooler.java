package io.zeekagent.hub.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream's side of the spool while the database is away: once the writer has spooled a batch, this class's own
 * thread moves everything the buffer receives to the spool's end (so the writer, which may wait seconds for a
 * connection on each attempt, never lets the buffer overflow), while the writer replays the spool from its start.
 * When a commit leaves nothing unread, spooling ends and the writer takes the buffer again. The spool's lock orders
 * the two threads: the buffer is drained and the end of spooling decided under it, so no row overtakes another.
 */
final class Spooler<T> {

    private static final Logger log = LoggerFactory.getLogger(Spooler.class);
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final String stream;
    private final Spool<T> spool;
    private final BlockingQueue<T> buffer;
    private final int batchSize;
    private final Consumer<List<T>> taken;
    private final WriterMetrics metrics;
    private final ObjIntConsumer<String> lost;
    private volatile boolean spooling;
    private volatile long bytes;
    private volatile boolean running;
    private @Nullable Thread thread;

    /**
     * @param taken the stream's once-per-row hook, for rows it moves from the buffer
     * @param lost told about rows the spool could not take, by reason
     */
    Spooler(
            String stream,
            Spool<T> spool,
            BlockingQueue<T> buffer,
            int batchSize,
            Consumer<List<T>> taken,
            WriterMetrics metrics,
            ObjIntConsumer<String> lost) {
        this.stream = stream;
        this.spool = spool;
        this.buffer = buffer;
        this.batchSize = batchSize;
        this.taken = taken;
        this.metrics = metrics;
        this.lost = lost;
        synchronized (spool) {
            this.spooling = spool.hasUnread();
            this.bytes = spooling ? spool.bytes() : 0;
        }
    }

    /** Whether rows flow through the spool: it holds rows not yet committed. */
    boolean isSpooling() {
        return spooling;
    }

    long bytes() {
        return bytes;
    }

    void start() {
        running = true;
        Thread started = new Thread(this::run, stream + "-spooler");
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            try {
                current.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void close() {
        try {
            spool.close();
        } catch (IOException e) {
            log.warn("Could not close the spool of {}: {}", stream, e.toString());
        }
        bytes = 0;
    }

    private void run() {
        while (running) {
            if (spooling) {
                drainBuffer();
            }
            LockSupport.parkNanos(SLICE_NANOS);
        }
    }

    /** Appends rows the writer took and could not write; what the buffer receives from now on follows them. */
    void append(List<T> rows) {
        synchronized (spool) {
            write(rows);
            spooling = true;
        }
    }

    /** Moves what the buffer holds to the spool's end, while spooling. */
    void drainBuffer() {
        synchronized (spool) {
            if (!spooling) {
                return;
            }
            List<T> rows = new ArrayList<>(batchSize);
            while (buffer.drainTo(rows, batchSize) > 0) {
                taken.accept(rows);
                write(rows);
                rows.clear();
            }
        }
    }

    /** The oldest uncommitted batch (the same one again until {@link #commit()}). */
    List<T> peek() throws IOException {
        synchronized (spool) {
            return spool.peek(batchSize);
        }
    }

    /** Marks the peeked batch committed; when nothing is left, spooling ends. */
    void commit() throws IOException {
        synchronized (spool) {
            spool.commit();
            if (spool.hasUnread()) {
                bytes = spool.bytes();
            } else {
                spooling = false;
                bytes = 0;
                log.info("Spool of {} replayed; writing from memory again", stream);
            }
        }
    }

    private void write(List<T> rows) {
        int appended;
        try {
            appended = spool.append(rows);
        } catch (IOException | RuntimeException e) {
            log.error("Could not spool {} {} rows: {}", rows.size(), stream, e.toString());
            lost.accept(WriterMetrics.SPOOL_FAILED, rows.size());
            return;
        }
        metrics.spooled(appended);
        lost.accept(WriterMetrics.SPOOL_FULL, rows.size() - appended);
        bytes = spool.bytes();
    }
}
