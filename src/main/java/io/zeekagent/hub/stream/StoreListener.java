package io.zeekagent.hub.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.ingest.SocketEventIngestService;
import io.zeekagent.hub.ingest.StoredSocketEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Consumer group {@code store}: writes each polled batch to PostgreSQL in one transaction; the offsets are committed
 * after it, so a crash redelivers the batch and the idempotent insert skips what was stored. When the database fails
 * the batch is retried (the container's error handler) and Kafka keeps the events meanwhile.
 */
final class StoreListener implements BatchMessageListener<String, byte[]> {

    private final SocketEventIngestService ingest;
    private final Counter consumed;
    private final Counter undecodable;

    StoreListener(SocketEventIngestService ingest, MeterRegistry meters) {
        this.ingest = ingest;
        this.consumed = StreamMeters.consumed(meters, "store");
        this.undecodable = StreamMeters.undecodable(meters, "store");
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<StoredSocketEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                events.addAll(EventBytes.decode(r.value()));
            } catch (IOException | RuntimeException e) {
                undecodable.increment();
            }
        }
        ingest.storeFromStream(events);
        consumed.increment(events.size());
    }
}
