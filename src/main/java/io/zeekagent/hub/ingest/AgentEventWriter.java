package io.zeekagent.hub.ingest;

import io.zeekagent.hub.system.DatabaseOutage;
import io.zeekagent.hub.system.DatabaseRetry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers agent socket events in a bounded queue and commits them from one thread, a batch at a time, every
 * flush interval or as soon as a batch is full. A full buffer drops the row and counts it; stopping drains and
 * commits everything still buffered.
 *
 * <p>When the database is unreachable the writer keeps the batch and retries it ({@link DatabaseRetry}) instead of
 * throwing it away: agents keep sending, rows wait in the bounded buffer, and
 * what does not fit is dropped and counted, so an outage costs at most the rows beyond the buffer. A batch that
 * fails for another reason (a bug, a constraint) would fail forever and is dropped and counted at once.
 */
final class AgentEventWriter {

    private static final long STOP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final Logger log = LoggerFactory.getLogger(AgentEventWriter.class);

    private final BlockingQueue<StoredSocketEvent> buffer;
    private final Consumer<List<StoredSocketEvent>> committer;
    private final IntConsumer failed;
    private final long flushNanos;
    private final int batchSize;
    private @Nullable Thread thread;
    private volatile boolean running;

    /**
     * @param committer writes one batch in one transaction; throws when it could not
     * @param failed told how many events were given up on after a failed write
     */
    AgentEventWriter(IngestProperties properties, Consumer<List<StoredSocketEvent>> committer, IntConsumer failed) {
        this.buffer = new ArrayBlockingQueue<>(properties.bufferCapacity());
        this.committer = committer;
        this.failed = failed;
        this.flushNanos = properties.flushInterval().toNanos();
        this.batchSize = properties.batchSize();
    }

    /** Queues an event; false when the buffer is full (the caller counts the drop). */
    boolean offer(StoredSocketEvent event) {
        return buffer.offer(event);
    }

    /** Queues an event, waiting up to {@code nanos} for room; false when there was none. */
    boolean offer(StoredSocketEvent event, long nanos) throws InterruptedException {
        return buffer.offer(event, Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    int buffered() {
        return buffer.size();
    }

    /** Events the buffer can take now. */
    int remainingCapacity() {
        return buffer.remainingCapacity();
    }

    boolean isAlive() {
        Thread current = thread;
        return current != null && current.isAlive();
    }

    /** Starts a fresh writer thread; a Thread cannot be started twice, and a test context may be restarted. */
    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "socket-event-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops taking time slices and commits whatever is buffered before returning. */
    void stop() {
        // No interrupt: the writer polls in short slices and sees the flag. An interrupted thread would have its
        // database file channel closed under it (NIO), and the last batch would be lost on the way out.
        running = false;
        Thread current = thread;
        if (current != null) {
            try {
                current.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushAll();
    }

    private void run() {
        List<StoredSocketEvent> batch = new ArrayList<>(batchSize);
        while (running) {
            try {
                long deadline = System.nanoTime() + flushNanos;
                while (batch.size() < batchSize) {
                    long left = Math.min(deadline - System.nanoTime(), STOP_CHECK_NANOS);
                    StoredSocketEvent next = left > 0 ? buffer.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        if (!running || System.nanoTime() >= deadline) {
                            break;
                        }
                        continue;
                    }
                    batch.add(next);
                    buffer.drainTo(batch, batchSize - batch.size());
                }
            } catch (InterruptedException e) {
                // Not re-asserted: the thread ends here, and the commit below must not run interrupted.
                break;
            }
            commitRetrying(batch);
        }
        commitOnce(batch);
    }

    /** Commits the batch, waiting out a database outage for as long as the writer runs. */
    private void commitRetrying(List<StoredSocketEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<StoredSocketEvent> events = List.copyOf(batch);
        RuntimeException failure = DatabaseRetry.write(
                () -> committer.accept(events),
                () -> running,
                () -> events.size() + " socket events (" + buffer.size() + " more buffered)");
        if (failure == null) {
            batch.clear();
        } else if (!DatabaseOutage.isOutage(failure) || !running) {
            giveUp(batch, failure);
        }
        // An interrupted wait keeps the batch: the run loop makes one last, uninterrupted attempt.
    }

    /** Last attempts at shutdown: one try per batch; once the database is down, the rest is counted as lost. */
    private synchronized void flushAll() {
        List<StoredSocketEvent> batch = new ArrayList<>(batchSize);
        while (buffer.drainTo(batch, batchSize) > 0) {
            if (!commitOnce(batch)) {
                List<StoredSocketEvent> rest = new ArrayList<>();
                buffer.drainTo(rest);
                giveUp(rest, null);
                return;
            }
        }
    }

    private boolean commitOnce(List<StoredSocketEvent> batch) {
        if (batch.isEmpty()) {
            return true;
        }
        try {
            committer.accept(List.copyOf(batch));
            batch.clear();
            return true;
        } catch (RuntimeException e) {
            giveUp(batch, e);
            return false;
        }
    }

    private void giveUp(List<StoredSocketEvent> batch, @Nullable RuntimeException cause) {
        if (batch.isEmpty()) {
            return;
        }
        log.error("Could not store {} socket events; they are lost", batch.size(), cause);
        failed.accept(batch.size());
        batch.clear();
    }
}
