package io.zeekagent.hub.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream's meters, tagged {@code stream}: {@code hub.writer.queued} and {@code hub.writer.spool.bytes}
 * (gauges), {@code hub.writer.written}, {@code hub.writer.retried}, {@code hub.writer.spooled} and
 * {@code hub.writer.dropped} by {@code reason} (counters). Spool-full drops are also logged, at most once per
 * interval, with the count since the last line.
 */
final class WriterMetrics {

    static final String BUFFER_FULL = "buffer-full";
    static final String SPOOL_FULL = "spool-full";
    static final String SPOOL_FAILED = "spool-failed";
    static final String WRITE_FAILED = "write-failed";
    static final String DAMAGED = "damaged";

    private static final Logger log = LoggerFactory.getLogger(WriterMetrics.class);

    private final String stream;
    private final MeterRegistry meters;
    private final Counter written;
    private final Counter retried;
    private final Counter spooled;
    private final long dropLogNanos;
    private final AtomicLong unloggedDrops = new AtomicLong();
    private volatile long lastDropLog;

    WriterMetrics(String stream, MeterRegistry meters, Duration dropLogInterval) {
        this.stream = stream;
        this.meters = meters;
        this.written = counter("hub.writer.written", "Rows committed to the database");
        this.retried = counter("hub.writer.retried", "Rows whose write met a database outage and was retried");
        this.spooled = counter("hub.writer.spooled", "Rows written to the disk spool during an outage");
        this.dropLogNanos = dropLogInterval.toNanos();
        this.lastDropLog = System.nanoTime() - dropLogNanos;
        // One counter per reason from the start, so a dashboard sees zeros rather than nothing.
        for (String reason : new String[] {BUFFER_FULL, SPOOL_FULL, SPOOL_FAILED, WRITE_FAILED, DAMAGED}) {
            dropped(reason);
        }
    }

    void gauges(Supplier<Number> queued, Supplier<Number> spoolBytes) {
        Gauge.builder("hub.writer.queued", queued)
                .tag("stream", stream)
                .description("Rows waiting in memory for the writer")
                .register(meters);
        Gauge.builder("hub.writer.spool.bytes", spoolBytes)
                .tag("stream", stream)
                .description("Bytes of the stream's disk spool")
                .register(meters);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name)
                .tag("stream", stream)
                .description(description)
                .register(meters);
    }

    private Counter dropped(String reason) {
        return Counter.builder("hub.writer.dropped")
                .tag("stream", stream)
                .tag("reason", reason)
                .description("Rows not stored (damaged: spool segment tails skipped, one per damage)")
                .register(meters);
    }

    void written(int rows) {
        written.increment(rows);
    }

    void retried(int rows) {
        retried.increment(rows);
    }

    void spooled(int rows) {
        spooled.increment(rows);
    }

    void dropped(String reason, long rows) {
        if (rows <= 0) {
            return;
        }
        dropped(reason).increment(rows);
        if (SPOOL_FULL.equals(reason) || SPOOL_FAILED.equals(reason)) {
            long pending = unloggedDrops.addAndGet(rows);
            long now = System.nanoTime();
            if (now - lastDropLog >= dropLogNanos) {
                lastDropLog = now;
                unloggedDrops.addAndGet(-pending);
                log.error("Spool of {} full or failing: {} rows dropped since the last report", stream, pending);
            }
        }
    }
}
