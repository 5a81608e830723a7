package io.zeekagent.hub.activity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.system.DatabaseRetry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Drains recorded entries on its own thread into the log file and, in JDBC batches, the {@code activity} table, so
 * that {@link ActivityLog#record} never waits for a disk or a database. While the database is away the batch is held
 * and retried ({@link DatabaseRetry}); entries beyond the bounded queue are dropped and counted.
 */
@Component
class ActivityWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ActivityWriter.class);
    private static final int BATCH = 500;
    private static final String INSERT =
            "INSERT INTO activity (ts, source, peer, level, message) VALUES (?, ?, ?, ?, ?)";

    private final ActivityProperties properties;
    private final JdbcTemplate jdbc;
    private final BlockingQueue<ActivityRecord> queue;
    private final Counter dropped;
    private final Counter failed;
    private final ActivityFile file;
    private volatile boolean running;
    private volatile long written;
    private long offered;
    private Thread thread = new Thread(() -> {});

    ActivityWriter(ActivityProperties properties, JdbcTemplate jdbc, MeterRegistry meters) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.dropped = Counter.builder("hub.activity.dropped")
                .description("Activity entries dropped because the writer queue was full")
                .register(meters);
        this.failed = Counter.builder("hub.activity.write.failed")
                .description("Activity entries the database did not take (they are still in the log file)")
                .register(meters);
        this.file = new ActivityFile(properties.file());
    }

    /** Queues an entry; drops and counts it when the queue is full. */
    void offer(ActivityRecord entry) {
        if (queue.offer(entry)) {
            synchronized (this) {
                offered++;
            }
        } else {
            dropped.increment();
        }
    }

    /** Waits (bounded) until everything offered so far is written; for shutdown and tests. */
    boolean awaitWritten(long timeoutMillis) throws InterruptedException {
        long target;
        synchronized (this) {
            target = offered;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (written < target && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return written >= target;
    }

    @Override
    public void start() {
        if (properties.fileEnabled()) {
            file.open(Instant.now());
        }
        running = true;
        thread = new Thread(this::run, "activity-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        // No interrupt: the thread polls in short slices and sees the flag (an interrupted thread could have its
        // H2 file channel closed under it). A batch held through an outage is given up when the flag drops.
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drainOnce();
        file.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop after the features that record entries (default phase) have stopped.
        return Integer.MIN_VALUE + 1000;
    }

    private void run() {
        while (running) {
            try {
                ActivityRecord first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<ActivityRecord> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("Activity writer failed; continuing", e);
            }
        }
    }

    private void drainOnce() {
        List<ActivityRecord> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            write(rest);
        }
    }

    private void write(List<ActivityRecord> batch) {
        // The file first and once: a retried database write must not repeat lines in it.
        file.append(batch);
        RuntimeException failure = DatabaseRetry.write(
                () -> jdbc.batchUpdate(INSERT, batch, batch.size(), (ps, r) -> {
                    ps.setObject(1, OffsetDateTime.ofInstant(r.ts(), ZoneOffset.UTC));
                    ps.setString(2, r.source());
                    ps.setString(3, r.peer());
                    ps.setString(4, r.level());
                    ps.setString(5, r.message());
                }),
                () -> running,
                () -> batch.size() + " activity entries (" + queue.size() + " more queued)");
        if (failure != null) {
            failed.increment(batch.size());
            log.warn("Could not persist {} activity entries: {}", batch.size(), failure.getMessage());
        }
        written += batch.size();
    }
}
