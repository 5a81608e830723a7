package io.zeekagent.hub.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.ingest.SocketEventInput;
import io.zeekagent.hub.ingest.StoredSocketEvent;
import io.zeekagent.hub.system.ServiceUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link QueuedEventPublisher}: agents never wait, overflow is dropped and counted, REST waits for acks. */
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
        assertThat(sender.keys).hasSize(taken).allMatch("h"::equals);
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
    void publishReturnsOnceEveryEventIsAcknowledgedAndTheValueDecodesToTheEvent() throws IOException {
        publisher = new QueuedEventPublisher(sender, 10, Duration.ofSeconds(1), meters);
        publisher.publish(List.of(event("a", 1), event("b", 2)));
        assertThat(sender.keys).containsExactly("a", "b");
        assertThat(EventBytes.decode(sender.values.get(1))).isEqualTo(event("b", 2));
        assertThat(count("hub.cluster.stream.produced", null)).isEqualTo(2);
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

    static final class FakeSender implements RecordSender {
        final List<String> keys = new CopyOnWriteArrayList<>();
        final List<byte[]> values = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean blocked;
        volatile boolean failing;
        volatile boolean silent;

        @Override
        public void send(String key, byte[] value, Consumer<@Nullable Exception> done) {
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
            keys.add(key);
            values.add(value);
            done.accept(null);
        }

        @Override
        public void flush() {}
    }
}
