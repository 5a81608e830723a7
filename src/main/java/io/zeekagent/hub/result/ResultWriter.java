package io.zeekagent.hub.result;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.system.DatabaseRetry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Buffers result rows and writes them in JDBC batches on its own thread: one transaction per batch (up to
 * {@code hub.results.batch-size} rows or {@code hub.results.flush-interval}), never one per row. A clean shutdown
 * flushes the buffer; a hard kill loses at most one flush interval. While the database is away the batch is held
 * and retried ({@link DatabaseRetry}); rows beyond the bounded queue are dropped and counted.
 */
@Component
class ResultWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ResultWriter.class);
    private static final String INSERT = "INSERT INTO results (subscription_id, host_id, update_type, received_at,"
            + " row_json) VALUES (?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final ResultsProperties properties;
    private final BlockingQueue<StoredResult> queue;
    private final Counter dropped;
    private final Counter failed;
    private final Counter stored;
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean running;
    private Thread thread = new Thread(() -> {});

    ResultWriter(JdbcTemplate jdbc, ResultsProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.dropped = meters.counter("hub.results.dropped", "reason", "queue_full");
        this.failed = meters.counter("hub.results.dropped", "reason", "write_failed");
        this.stored = meters.counter("hub.results.stored");
    }

    void offer(StoredResult row) {
        if (queue.offer(row)) {
            offered.incrementAndGet();
        } else {
            dropped.increment();
        }
    }

    /** Waits (bounded) until every row offered so far is written; for tests. */
    boolean awaitWritten(long timeoutMillis) throws InterruptedException {
        long target = offered.get();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (written.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return written.get() >= target;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "result-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        // No interrupt: the thread polls in short slices and sees the flag (an interrupted thread could have its
        // H2 file channel closed under it). A batch held through an outage is given up when the flag drops.
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<StoredResult> rest = new ArrayList<>();
        queue.drainTo(rest);
        write(rest);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop after the bridge (phase 0) stopped delivering rows, so the final flush sees them all.
        return -100;
    }

    private void run() {
        long waitMillis = Math.max(1, properties.flushInterval().toMillis());
        List<StoredResult> batch = new ArrayList<>(properties.batchSize());
        while (running) {
            try {
                StoredResult first = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
                while (batch.size() < properties.batchSize() && System.nanoTime() < deadline) {
                    if (queue.drainTo(batch, properties.batchSize() - batch.size()) == 0) {
                        StoredResult next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                        if (next != null) {
                            batch.add(next);
                        }
                    }
                }
                write(batch);
            } catch (InterruptedException e) {
                write(batch);
                return;
            } catch (RuntimeException e) {
                log.warn("Result writer failed; continuing", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<StoredResult> batch) {
        if (batch.isEmpty()) {
            return;
        }
        RuntimeException failure = DatabaseRetry.write(
                () -> jdbc.batchUpdate(INSERT, batch, batch.size(), (ps, r) -> {
                    ps.setString(1, r.subscriptionId());
                    ps.setString(2, r.hostId());
                    ps.setString(3, r.update().name());
                    ps.setObject(4, OffsetDateTime.ofInstant(r.receivedAt(), ZoneOffset.UTC));
                    ps.setString(5, r.json());
                }),
                () -> running,
                () -> batch.size() + " result rows (" + queue.size() + " more queued)");
        if (failure == null) {
            stored.increment(batch.size());
        } else {
            failed.increment(batch.size());
            log.warn("Could not store {} result rows: {}", batch.size(), failure.getMessage());
        }
        written.addAndGet(batch.size());
    }
}
