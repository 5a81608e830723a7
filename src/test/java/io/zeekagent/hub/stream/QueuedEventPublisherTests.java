package io.zeekagent.hub.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.ingest.SocketEventInput;
import io.zeekagent.hub.ingest.StoredSocketEvent;
import io.zeekagent.hub.system.ServiceUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link QueuedEventPublisher}: agents never wait, overflow is dropped and counted, REST waits for acks,
 * events go out as records of several events in each host's order and are counted as events.
 */
class QueuedEventPublisherTests {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final FakeSender sender = new FakeSender();

    @Nullable
    QueuedEventPublisher publisher;

    @AfterEach
    void close() {
        sender.release.countDown();
        if (publisher != null) {
            publisher.close();
        }
    }

    static StoredSocketEvent event(String host, int port) {
        SocketEventInput in = new SocketEventInput(
                host,
                "connect",
                1L,
                3L,
                "/bin/curl",
                0L,
                true,
                2,
                "tcp",
                "10.0.0.1",
                40000,
                "10.0.0.2",
                port,
                Instant.parse("2026-12-06T06:00:00Z"));
        return new StoredSocketEvent("s" + host + port, in, Instant.parse("2026-12-06T06:00:01Z"));
    }

    double count(String name, @Nullable String reason) {
        var counter = reason == null
                ? meters.find(name).counter()
                : meters.find(name).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void dropsAndCountsWhatABoundedQueueCannotHoldWithoutBlockingTheAgent() {
        sender.blocked = true; // the brokers stall: the producer thread hangs in its first send
        publisher = new QueuedEventPublisher(sender, 10, Duration.ofSeconds(1), meters);
        long started = System.nanoTime();
        int taken = 0;
        for (int i = 0; i < 100; i++) {
            if (publisher.offer(event("h", i))) {
                taken++;
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        // 10 in the queue, plus what the stalled thread drained into the batch it is handing over.
        assertThat(taken).isBetween(10, 99);
        assertThat(count("hub.cluster.stream.dropped", "buffer-full")).isEqualTo(100 - taken);

        sender.release.countDown();
        int held = taken;
        await().atMost(Duration.ofSeconds(5)).until(() -> count("hub.cluster.stream.produced", null) == held);
        assertThat(sender.keys).allMatch("h"::equals);
        assertThat(sender.events()).hasSize(taken);
        assertThat(publisher.queued()).isZero();
    }

    @Test
    void countsEventsTheBrokersRefused() {
        sender.failing = true;
        publisher = new QueuedEventPublisher(sender, 10, Duration.ofSeconds(1), meters);
        publisher.offer(event("h", 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> count("hub.cluster.stream.dropped", "send-failed") == 1);
    }

    @Test
    void agentEventsWaitWhileTheBrokersAreAwayAndGoOutOnceTheyAreBack() {
        sender.retriableFailures.set(3); // e.g. no broker: the producer's metadata wait times out
        publisher = new QueuedEventPublisher(sender, 100, Duration.ofSeconds(1), meters);
        for (int i = 0; i < 20; i++) {
            assertThat(publisher.offer(event("h" + i % 5, i))).isTrue();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> count("hub.cluster.stream.produced", null) == 20);
        assertThat(count("hub.cluster.stream.dropped", "send-failed")).isZero();
        assertThat(sender.retriableFailures.get()).isNegative(); // it did fail, and was sent again
        assertPerHostOrder(sender.events(), events(20));
    }

    private static List<StoredSocketEvent> events(int n) {
        List<StoredSocketEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(event("h" + i % 5, i));
        }
        return out;
    }

    @Test
    void countsEveryEventOfARefusedRecord() {
        sender.blocked = true; // the queue fills while the thread hangs in its first send
        sender.failing = true;
        publisher = new QueuedEventPublisher(sender, 100, Duration.ofSeconds(1), meters);
        int taken = 0;
        for (int i = 0; i < 50; i++) {
            taken += publisher.offer(event("h" + i % 3, i)) ? 1 : 0;
        }
        sender.release.countDown();
        int all = taken;
        await().atMost(Duration.ofSeconds(5)).until(() -> count("hub.cluster.stream.dropped", "send-failed") == all);
        assertThat(sender.records.get()).isLessThan(all); // several events a record, still counted one by one
        assertThat(count("hub.cluster.stream.produced", null)).isZero();
    }

    @Test
    void agentEventsGoOutAsRecordsOfSeveralEventsInEachHostsOrder() {
        sender.blocked = true;
        publisher = new QueuedEventPublisher(sender, 1_000, Duration.ofSeconds(1), meters);
        List<StoredSocketEvent> offered = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            StoredSocketEvent e = event("host-" + i % 20, i);
            assertThat(publisher.offer(e)).isTrue();
            offered.add(e);
        }
        sender.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> count("hub.cluster.stream.produced", null) == 600);
        assertThat(sender.keys.size()).isLessThan(600 / 10);
        assertPerHostOrder(sender.events(), offered);
        assertThat(sender.events()).containsExactlyInAnyOrderElementsOf(offered);
    }

    @Test
    void publishReturnsOnceEveryRecordIsAcknowledgedAndTheRecordsDecodeToTheEvents() {
        publisher = new QueuedEventPublisher(sender, 10, Duration.ofSeconds(1), meters);
        List<StoredSocketEvent> batch = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            batch.add(event("host-" + i % 200, i));
        }
        publisher.publish(batch);
        // 1,000 events of 200 hosts over 4 partitions: one record per partition instead of one per event.
        assertThat(sender.keys).hasSize(4);
        assertThat(sender.partitions).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(sender.events()).containsExactlyInAnyOrderElementsOf(batch);
        assertPerHostOrder(sender.events(), batch);
        assertThat(count("hub.cluster.stream.produced", null)).isEqualTo(1_000);
    }

    @Test
    void eachEventTravelsInThePartitionKafkasPartitionerGivesItsHost() throws IOException {
        publisher = new QueuedEventPublisher(sender, 10, Duration.ofSeconds(1), meters);
        List<StoredSocketEvent> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(event("host-" + i, i));
        }
        publisher.publish(batch);
        for (int r = 0; r < sender.values.size(); r++) {
            int partition = sender.partitions.get(r);
            for (StoredSocketEvent e : EventBytes.decode(sender.values.get(r))) {
                byte[] key = e.input().hostId().getBytes(StandardCharsets.UTF_8);
                assertThat(BuiltInPartitioner.partitionForKey(key, 4)).isEqualTo(partition);
            }
        }
    }

    /** Each host's events came out in the order they went in. */
    static void assertPerHostOrder(List<StoredSocketEvent> out, List<StoredSocketEvent> in) {
        Map<String, List<StoredSocketEvent>> expected = new HashMap<>();
        in.forEach(e -> expected.computeIfAbsent(e.input().hostId(), h -> new ArrayList<>())
                .add(e));
        Map<String, List<StoredSocketEvent>> actual = new HashMap<>();
        out.forEach(e -> actual.computeIfAbsent(e.input().hostId(), h -> new ArrayList<>())
                .add(e));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void publishAnswersServiceUnavailableWhenTheBrokersDoNotAcknowledgeInTime() {
        sender.silent = true;
        publisher = new QueuedEventPublisher(sender, 10, Duration.ofMillis(200), meters);
        assertThatThrownBy(() -> publisher.publish(List.of(event("a", 1))))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("no acknowledgement");
    }

    @Test
    void publishAnswersServiceUnavailableWhenTheBrokersRefuse() {
        sender.failing = true;
        publisher = new QueuedEventPublisher(sender, 10, Duration.ofSeconds(1), meters);
        assertThatThrownBy(() -> publisher.publish(List.of(event("a", 1))))
                .isInstanceOf(ServiceUnavailableException.class);
    }

    /** Records in sending order; four partitions. */
    static final class FakeSender implements RecordSender {
        final List<String> keys = new CopyOnWriteArrayList<>();
        final List<Integer> partitions = new CopyOnWriteArrayList<>();
        final List<byte[]> values = new CopyOnWriteArrayList<>();
        final AtomicInteger records = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean blocked;
        volatile boolean failing;
        volatile boolean silent;
        /** While positive, each send fails with a timeout Kafka counts as retriable (and the count goes down). */
        final AtomicInteger retriableFailures = new AtomicInteger();

        /** Every event sent, decoded, in sending order. */
        List<StoredSocketEvent> events() {
            List<StoredSocketEvent> out = new ArrayList<>();
            for (byte[] value : values) {
                try {
                    out.addAll(EventBytes.decode(value));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return out;
        }

        @Override
        public int partitions() {
            return 4;
        }

        @Override
        public void send(int partition, String key, byte[] value, Consumer<@Nullable Exception> done) {
            records.incrementAndGet();
            if (blocked) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (silent) {
                return;
            }
            if (failing) {
                done.accept(new IllegalStateException("broker down"));
                return;
            }
            if (retriableFailures.getAndDecrement() > 0) {
                done.accept(new org.apache.kafka.common.errors.TimeoutException("no broker within max.block.ms"));
                return;
            }
            keys.add(key);
            partitions.add(partition);
            values.add(value);
            done.accept(null);
        }

        @Override
        public void flush() {}
    }
}
