package io.zeekagent.hub.result;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.storage.DurableWriter;
import io.zeekagent.hub.storage.DurableWriters;
import io.zeekagent.hub.storage.WriterSettings;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code results} stream: result rows go through a {@link DurableWriter} (bounded buffer, one JDBC batch per
 * {@code hub.results.batch-size} rows or {@code hub.results.flush-interval}, disk spool through a database outage)
 * into the {@code results} table. A clean shutdown flushes the buffer.
 */
@Component
class ResultWriter implements SmartLifecycle {

    static final String STREAM = "results";
    private static final String INSERT = "INSERT INTO results (subscription_id, host_id, update_type, received_at,"
            + " row_json) VALUES (?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final DurableWriter<StoredResult> writer;
    private final Counter stored;
    private volatile boolean running;

    ResultWriter(JdbcTemplate jdbc, ResultsProperties properties, DurableWriters writers, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.stored = meters.counter("hub.results.stored");
        this.writer = writers.create(
                new WriterSettings(
                        STREAM, properties.batchSize(), properties.flushInterval(), properties.queueCapacity()),
                new StoredResultCodec(),
                this::insert);
    }

    /** Queues a row; a full buffer drops and counts it ({@code hub.writer.dropped}). */
    void offer(StoredResult row) {
        writer.offer(row);
    }

    /** Waits (bounded) until rows offered so far are written or given up; for tests. */
    boolean awaitWritten(long timeoutMillis) throws InterruptedException {
        return writer.awaitSettled(timeoutMillis);
    }

    private void insert(List<StoredResult> batch) {
        jdbc.batchUpdate(INSERT, batch, batch.size(), (ps, r) -> {
            ps.setString(1, r.subscriptionId());
            ps.setString(2, r.hostId());
            ps.setString(3, r.update().name());
            ps.setObject(4, OffsetDateTime.ofInstant(r.receivedAt(), ZoneOffset.UTC));
            ps.setString(5, r.json());
        });
        stored.increment(batch.size());
    }

    @Override
    public void start() {
        writer.start();
        running = true;
    }

    @Override
    public void stop() {
        writer.stop();
        running = false;
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
}
