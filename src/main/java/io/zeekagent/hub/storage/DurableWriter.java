package io.zeekagent.hub.storage;

import io.zeekagent.hub.system.DatabaseOutage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream's durable writer: producers {@link #offer} rows into a bounded buffer without ever waiting; one thread
 * writes them in batches (by size or every flush interval) through the stream's {@link BatchSink}. While the
 * database is away the batch and everything after it go to the stream's disk {@link Spool} (the buffer moved there
 * by a {@link Spooler}'s thread, so a writer waiting seconds for a connection never lets it overflow), and the
 * spool is replayed in order, retried with a doubling backoff, until the database answers again (and at the next
 * start). Without a spool the batch is held and retried while the buffer fills. Only a full buffer, a full spool or a
 * write that fails for its own sake (a bug, a constraint) loses rows, each counted by reason.
 *
 * <p>Made by {@link DurableWriters}; the feature that owns the stream starts and stops it.
 */
public final class DurableWriter<T> {

    /** How a write ended: written, given up (counted), or held for the spool (an outage). */
    private enum Outcome {
        WRITTEN,
        FAILED,
        HELD
    }

    private static final Logger log = LoggerFactory.getLogger(DurableWriter.class);
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final WriterSettings settings;
    private final RecordCodec<T> codec;
    private final BatchSink<T> sink;
    private final WriterMetrics metrics;
    private final @Nullable Path spoolDirectory;
    private final SpoolBudget budget;
    private final long segmentBytes;
    private final BlockingQueue<T> queue;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private volatile @Nullable Spooler<T> spooler;
    private @Nullable Thread thread;
    private volatile boolean running;
    /** Writer thread only: an outage was logged and its end not yet. */
    private boolean outage;

    DurableWriter(
            WriterSettings settings,
            RecordCodec<T> codec,
            BatchSink<T> sink,
            WriterMetrics metrics,
            @Nullable Path spoolDirectory,
            SpoolBudget budget,
            long segmentBytes) {
        this.settings = settings;
        this.codec = codec;
        this.sink = sink;
        this.metrics = metrics;
        this.spoolDirectory = spoolDirectory;
        this.budget = budget;
        this.segmentBytes = segmentBytes;
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        metrics.gauges(queue::size, this::spoolBytes);
    }

    public String stream() {
        return settings.stream();
    }

    /** Queues a row without waiting; false (and counted) when the buffer is full. */
    public boolean offer(T row) {
        if (queue.offer(row)) {
            accepted.incrementAndGet();
            return true;
        }
        metrics.dropped(WriterMetrics.BUFFER_FULL, 1);
        return false;
    }

    /**
     * Queues a row, waiting up to {@code nanos} for room (a transport that can tell its agent to send again later,
     * such as osquery); false when there was none, and not counted, since the caller keeps the row.
     */
    public boolean offer(T row, long nanos) throws InterruptedException {
        if (queue.offer(row, Math.max(0, nanos), TimeUnit.NANOSECONDS)) {
            accepted.incrementAndGet();
            return true;
        }
        return false;
    }

    /** Rows the buffer can take now. */
    public int remainingCapacity() {
        return queue.remainingCapacity();
    }

    /** Rows waiting in memory. */
    public int queued() {
        return queue.size();
    }

    /** Bytes waiting in the disk spool; more than zero while the stream is degraded. */
    public long spoolBytes() {
        Spooler<T> current = spooler;
        return current == null ? 0 : current.bytes();
    }

    public boolean isAlive() {
        Thread current = thread;
        return current != null && current.isAlive();
    }

    /**
     * Waits (bounded) until every row accepted so far is written or given up; for tests and benchmarks.
     *
     * @return whether they all were in time
     */
    public boolean awaitSettled(long timeoutMillis) throws InterruptedException {
        long target = accepted.get();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (settled.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return settled.get() >= target;
    }

    /** Opens the spool (replaying what an earlier run left in it) and starts fresh writer and spooler threads. */
    public synchronized void start() {
        if (running) {
            return;
        }
        Spooler<T> opened = openSpool();
        spooler = opened;
        running = true;
        Thread started = new Thread(this::run, settings.stream() + "-writer");
        started.setDaemon(true);
        thread = started;
        started.start();
        if (opened != null) {
            opened.start();
        }
    }

    private @Nullable Spooler<T> openSpool() {
        if (spoolDirectory == null) {
            return null;
        }
        try {
            Spool<T> spool = Spool.open(
                    spoolDirectory, codec, budget, segmentBytes, n -> metrics.dropped(WriterMetrics.DAMAGED, n));
            return new Spooler<>(
                    stream(), spool, queue, settings.batchSize(), this::taken, metrics, (r, n) -> lost(r, n));
        } catch (IOException e) {
            log.error("Cannot open the spool of {} ({}); an outage is held in memory only", stream(), e.toString());
            return null;
        }
    }

    /**
     * Stops the threads and writes what is still buffered: one attempt, and when the database is away the rest goes
     * to the spool (or, without one, is counted as lost). What the spool holds waits for the next start.
     */
    public synchronized void stop() {
        // No interrupt: the thread polls in short slices and sees the flag. An interrupted thread would have its
        // database file channel closed under it (NIO), and the last batch would be lost on the way out.
        if (!halt()) {
            log.error("The {} writer did not stop in 30 s; {} buffered rows are lost", stream(), queue.size());
            List<T> rest = new ArrayList<>();
            queue.drainTo(rest);
            lost(WriterMetrics.WRITE_FAILED, rest.size());
            return;
        }
        flushBuffer();
        closeSpool();
    }

    /**
     * Stops as a {@code kill -9} would: the threads end and the spool is released, the buffer is neither written
     * nor spooled. For tests of what a restart replays.
     */
    synchronized void abandon() {
        halt();
        queue.clear();
        closeSpool();
    }

    /** Ends both threads; false when the writer thread is still busy after 30 s (a database that hangs). */
    private boolean halt() {
        running = false;
        Spooler<T> current = spooler;
        if (current != null) {
            current.stop();
        }
        Thread writer = thread;
        if (writer == null) {
            return true;
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !writer.isAlive();
    }

    private void flushBuffer() {
        List<T> batch = new ArrayList<>(settings.batchSize());
        boolean away = false;
        while (queue.drainTo(batch, settings.batchSize()) > 0) {
            taken(batch);
            Spooler<T> current = spooler;
            if (away || (current != null && current.isSpooling())) {
                spoolOrGiveUp(batch);
            } else {
                away = deliver(batch) == Outcome.HELD;
            }
            batch.clear();
        }
    }

    private void closeSpool() {
        Spooler<T> current = spooler;
        spooler = null;
        if (current != null) {
            current.close();
        }
    }

    private void run() {
        List<T> batch = new ArrayList<>(settings.batchSize());
        while (running) {
            Spooler<T> current = spooler;
            if (current != null && current.isSpooling()) {
                replayStep(current);
                continue;
            }
            try {
                fill(batch);
            } catch (InterruptedException e) {
                // Not re-asserted: the thread ends here, and the write below must not run interrupted.
                running = false;
            }
            if (!batch.isEmpty()) {
                taken(batch);
                deliver(batch);
                batch.clear();
            }
        }
    }

    /** Fills the batch up to its size, waiting at most one flush interval (in slices, to notice a stop). */
    private void fill(List<T> batch) throws InterruptedException {
        long deadline = System.nanoTime() + settings.flushInterval().toNanos();
        while (batch.size() < settings.batchSize()) {
            long left = Math.min(deadline - System.nanoTime(), SLICE_NANOS);
            T next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                if (!running || System.nanoTime() >= deadline) {
                    return;
                }
                continue;
            }
            batch.add(next);
            queue.drainTo(batch, settings.batchSize() - batch.size());
        }
    }

    /** Writes a batch taken from the buffer; an outage it cannot wait out in memory sends it to the spool. */
    private Outcome deliver(List<T> batch) {
        Outcome outcome = write(batch, false);
        if (outcome == Outcome.HELD) {
            spoolOrGiveUp(batch);
        }
        return outcome;
    }

    /** One replay step: the spool's oldest batch is written (the spooler meanwhile keeps the buffer moving). */
    private void replayStep(Spooler<T> current) {
        try {
            List<T> rows = current.peek();
            if (!rows.isEmpty() && write(rows, true) == Outcome.HELD) {
                return;
            }
            current.commit();
        } catch (IOException | RuntimeException e) {
            // Not retried: a spool that cannot be read would fail the same way forever. It stays on disk.
            log.error("Spool of {} cannot be read ({}); giving it up until the next start", stream(), e.toString());
            metrics.dropped(WriterMetrics.DAMAGED, 1);
            current.stop();
            closeSpool();
        }
    }

    /**
     * Writes the rows, retrying through an outage: until written, until a failure that is not an outage (counted,
     * the rows lost), or — {@code HELD} — until the writer stops or, for rows from the buffer, at once when there is
     * a spool to take them.
     */
    private Outcome write(List<T> rows, boolean fromSpool) {
        long backoff = FIRST_BACKOFF_NANOS;
        long since = 0;
        while (true) {
            try {
                sink.write(rows);
                metrics.written(rows.size());
                settled.addAndGet(rows.size());
                if (outage) {
                    outage = false;
                    log.info("Database reachable again; {} writing resumed", stream());
                }
                return Outcome.WRITTEN;
            } catch (RuntimeException | AssertionError e) {
                // An AssertionError comes from the JDBC driver's own asserts when assertions are on (pgjdbc checks
                // getAutoCommit() on a connection the server just closed under a batch): it reports the outage, and
                // as an Error it would otherwise end this thread and every later write of the stream.
                if (!(e instanceof AssertionError) && !DatabaseOutage.isOutage(e)) {
                    log.error("Could not store {} {} rows; they are lost", rows.size(), stream(), e);
                    lost(WriterMetrics.WRITE_FAILED, rows.size());
                    return Outcome.FAILED;
                }
                if (since == 0) {
                    since = System.nanoTime();
                    metrics.retried(rows.size());
                }
                if (!outage) {
                    outage = true;
                    log.warn("Database unavailable ({}); holding {} {} rows and retrying", e, rows.size(), stream());
                }
                if (!running) {
                    return Outcome.HELD;
                }
                if (!fromSpool && spooler != null) {
                    return Outcome.HELD;
                }
                pause(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
            }
        }
    }

    /** Waits before the next attempt, in slices, to notice a stop. */
    private void pause(long nanos) {
        long end = System.nanoTime() + nanos;
        while (running) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(Math.min(left, SLICE_NANOS));
        }
    }

    private void spoolOrGiveUp(List<T> rows) {
        Spooler<T> current = spooler;
        if (current == null) {
            log.error("Database unavailable; {} {} rows are lost", rows.size(), stream());
            lost(WriterMetrics.WRITE_FAILED, rows.size());
        } else {
            current.append(rows);
        }
    }

    private void taken(List<T> rows) {
        try {
            sink.taken(rows);
        } catch (RuntimeException e) {
            log.warn("The {} stream's hook failed on {} rows; writing them anyway", stream(), rows.size(), e);
        }
    }

    private void lost(String reason, int rows) {
        metrics.dropped(reason, rows);
        settled.addAndGet(rows);
    }
}
