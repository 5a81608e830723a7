package io.zeekagent.hub.activity;

import io.zeekagent.hub.storage.BatchSink;
import io.zeekagent.hub.storage.DurableWriter;
import io.zeekagent.hub.storage.DurableWriters;
import io.zeekagent.hub.storage.WriterSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code activity} stream: recorded entries go through a {@link DurableWriter} into the log file (once, as they
 * leave the buffer) and, in JDBC batches, the {@code activity} table, so that {@link ActivityLog#record} never waits
 * for a disk or a database; a database outage is waited out in memory, then in the disk spool.
 */
@Component
class ActivityWriter implements SmartLifecycle, BatchSink<ActivityRecord> {

    static final String STREAM = "activity";
    private static final int BATCH = 500;
    private static final Duration FLUSH = Duration.ofMillis(50);
    private static final String INSERT =
            "INSERT INTO activity (ts, source, peer, level, message) VALUES (?, ?, ?, ?, ?)";

    private final ActivityProperties properties;
    private final JdbcTemplate jdbc;
    private final ActivityFile file;
    private final DurableWriter<ActivityRecord> writer;
    private volatile boolean running;

    ActivityWriter(ActivityProperties properties, JdbcTemplate jdbc, DurableWriters writers) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.file = new ActivityFile(properties.file());
        this.writer = writers.create(
                new WriterSettings(STREAM, BATCH, FLUSH, properties.queueCapacity()), new ActivityRecordCodec(), this);
    }

    /** Queues an entry; drops and counts it when the buffer is full ({@code hub.writer.dropped}). */
    void offer(ActivityRecord entry) {
        writer.offer(entry);
    }

    /** Waits (bounded) until everything offered so far is written or given up; for shutdown and tests. */
    boolean awaitWritten(long timeoutMillis) throws InterruptedException {
        return writer.awaitSettled(timeoutMillis);
    }

    @Override
    public void taken(List<ActivityRecord> batch) {
        // The file once per entry, as it leaves the buffer: a retried or replayed database write repeats no line.
        file.append(batch);
    }

    @Override
    public void write(List<ActivityRecord> batch) {
        jdbc.batchUpdate(INSERT, batch, batch.size(), (ps, r) -> {
            ps.setObject(1, OffsetDateTime.ofInstant(r.ts(), ZoneOffset.UTC));
            ps.setString(2, r.source());
            ps.setString(3, r.peer());
            ps.setString(4, r.level());
            ps.setString(5, r.message());
        });
    }

    @Override
    public void start() {
        if (properties.fileEnabled()) {
            file.open(Instant.now());
        }
        writer.start();
        running = true;
    }

    @Override
    public void stop() {
        writer.stop();
        file.close();
        running = false;
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
}
