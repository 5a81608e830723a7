package io.zeekagent.hub.stream;

import static io.zeekagent.hub.stream.QueuedEventPublisherTests.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.cluster.JdbcIndexPartitions;
import io.zeekagent.hub.ingest.SocketEventIngestService;
import io.zeekagent.hub.ingest.StoredSocketEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Tests for {@link StoreListener} and {@link IndexListener}: records of several events are taken apart in order, the
 * counters count events, and a record that is no socket events is counted and skipped without the batch failing.
 */
class StreamListenerTests {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final SocketEventIngestService ingest = mock(SocketEventIngestService.class);

    final List<StoredSocketEvent> first = List.of(event("a", 1), event("b", 2), event("a", 3));
    final List<StoredSocketEvent> second = List.of(event("c", 4), event("c", 5));

    List<ConsumerRecord<String, byte[]>> records() {
        return List.of(
                new ConsumerRecord<>("t", 0, 10, "a", EventBytes.encode(first)),
                new ConsumerRecord<>("t", 0, 11, "x", new byte[] {EventBytes.MAGIC, 1, 0, 0, 0, 2, 7}),
                new ConsumerRecord<>("t", 1, 20, "c", EventBytes.encode(second)));
    }

    List<StoredSocketEvent> expected() {
        List<StoredSocketEvent> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    double counter(String name, String group) {
        var c = meters.find(name).tag("group", group).counter();
        return c == null ? -1 : c.count();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStoreGroupWritesEveryEventOfTheBatchAndSkipsTheCorruptRecord() {
        new StoreListener(ingest, meters).onMessage(records());

        ArgumentCaptor<List<StoredSocketEvent>> stored = ArgumentCaptor.forClass(List.class);
        verify(ingest).storeFromStream(stored.capture());
        assertThat(stored.getValue()).isEqualTo(expected());
        assertThat(counter("hub.cluster.stream.consumed", "store")).isEqualTo(5);
        assertThat(counter("hub.cluster.stream.undecodable", "store")).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIndexGroupIndexesEveryEventOfTheBatchAndSkipsTheCorruptRecord() {
        JdbcIndexPartitions partitions = mock(JdbcIndexPartitions.class);
        IndexListener listener =
                new IndexListener(ingest, partitions, Duration.ofMinutes(10), Clock.systemUTC(), meters);
        listener.onMessage(records(), mock(Consumer.class));

        ArgumentCaptor<List<StoredSocketEvent>> indexed = ArgumentCaptor.forClass(List.class);
        verify(ingest).indexFromStream(indexed.capture());
        assertThat(indexed.getValue()).isEqualTo(expected());
        assertThat(counter("hub.cluster.stream.consumed", "index")).isEqualTo(5);
        assertThat(counter("hub.cluster.stream.undecodable", "index")).isEqualTo(1);
        verify(partitions, never()).ready(anyInt());
    }
}
