package io.zeekagent.hub.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zeekagent.hub.cluster.JdbcIndexPartitions;
import io.zeekagent.hub.ingest.SocketEventIngestService;
import io.zeekagent.hub.ingest.StoredSocketEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Consumer group {@code index}: the partitions the group gives this replica are the ones whose hosts it holds in
 * its hot index. On assignment each partition is marked replaying (in {@code index_partitions} too), read again
 * from the start of the hot window ({@code offsetsForTimes}) and marked ready once caught up; meanwhile
 * attribution asks the database for its hosts and says {@code rebalancing}. On revocation the rows go. Offsets are
 * never committed: a replica always rebuilds from the window.
 */
final class IndexListener implements BatchConsumerAwareMessageListener<String, byte[]>, ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(IndexListener.class);

    private final SocketEventIngestService ingest;
    private final JdbcIndexPartitions partitions;
    private final Duration hotWindow;
    private final Clock clock;
    private final ReplayTracker tracker = new ReplayTracker();
    private final Counter consumed;
    private final Counter undecodable;
    private final Timer replay;

    IndexListener(
            SocketEventIngestService ingest,
            JdbcIndexPartitions partitions,
            Duration hotWindow,
            Clock clock,
            MeterRegistry meters) {
        this.ingest = ingest;
        this.partitions = partitions;
        this.hotWindow = hotWindow;
        this.clock = clock;
        this.consumed = StreamMeters.consumed(meters, "index");
        this.undecodable = StreamMeters.undecodable(meters, "index");
        this.replay = Timer.builder("hub.cluster.stream.replay")
                .description("From a partition's assignment to the end of its hot-window replay")
                .register(meters);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
        if (assigned.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        partitions.assigned(assigned.stream().map(TopicPartition::partition).toList());
        long from = clock.millis() - hotWindow.toMillis();
        Map<TopicPartition, Long> times = new HashMap<>();
        assigned.forEach(tp -> times.put(tp, from));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times);
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        for (TopicPartition tp : assigned) {
            OffsetAndTimestamp start = starts.get(tp);
            long end = ends.getOrDefault(tp, 0L);
            long seek = tracker.assign(tp.partition(), start == null ? null : start.offset(), end, now);
            consumer.seek(tp, seek);
            if (!tracker.replaying(tp.partition())) {
                partitions.ready(tp.partition());
                replay.record(System.nanoTime() - now, TimeUnit.NANOSECONDS);
            } else {
                log.info("Index partition {} assigned: replaying offsets {}..{}", tp.partition(), seek, end);
            }
        }
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
        revoke(revoked);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
        revoke(lost);
    }

    private void revoke(Collection<TopicPartition> revoked) {
        if (revoked.isEmpty()) {
            return;
        }
        revoked.forEach(tp -> tracker.revoke(tp.partition()));
        try {
            partitions.revoked(revoked.stream().map(TopicPartition::partition).toList());
        } catch (RuntimeException e) {
            log.warn("index_partitions not updated for revoked partitions {}: {}", revoked, e.toString());
        }
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        List<StoredSocketEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                events.addAll(EventBytes.decode(r.value()));
            } catch (IOException | RuntimeException e) {
                undecodable.increment();
            }
            tracker.indexed(r.partition(), r.offset());
        }
        ingest.indexFromStream(events);
        consumed.increment(events.size());
        if (tracker.anyReplaying()) {
            long now = System.nanoTime();
            for (int p : tracker.replayingPartitions()) {
                TopicPartition tp = new TopicPartition(records.get(0).topic(), p);
                long took = tracker.progress(p, consumer.position(tp), now);
                if (took >= 0) {
                    partitions.ready(p);
                    replay.record(took, TimeUnit.NANOSECONDS);
                    log.info("Index partition {} ready: replay took {} ms", p, took / 1_000_000);
                }
            }
        }
    }
}
