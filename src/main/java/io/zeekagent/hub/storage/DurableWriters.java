package io.zeekagent.hub.storage;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link DurableWriter} of each stream, all sharing the spool's disk budget ({@code hub.spool.*}), and
 * knows them for the {@code spool} health component.
 */
@Component
public class DurableWriters {

    private final SpoolProperties properties;
    private final MeterRegistry meters;
    private final SpoolBudget budget;
    private final List<DurableWriter<?>> writers = new CopyOnWriteArrayList<>();

    public DurableWriters(SpoolProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        this.budget = new SpoolBudget(properties.maxSize().toBytes());
    }

    /** A writer for one stream, not yet started; its spool is {@code <hub.spool.directory>/<stream>}. */
    public <T> DurableWriter<T> create(WriterSettings settings, RecordCodec<T> codec, BatchSink<T> sink) {
        DurableWriter<T> writer = new DurableWriter<>(
                settings,
                codec,
                sink,
                new WriterMetrics(settings.stream(), meters, properties.dropLogInterval()),
                properties.enabled() ? properties.directory().resolve(settings.stream()) : null,
                budget,
                properties.segmentSize().toBytes());
        writers.add(writer);
        return writer;
    }

    List<DurableWriter<?>> writers() {
        return writers;
    }

    SpoolBudget budget() {
        return budget;
    }
}
