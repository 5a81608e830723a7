package io.zeekagent.hub.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.ingest.SocketEventStream;
import io.zeekagent.hub.ingest.StoredSocketEvent;
import io.zeekagent.hub.system.ServiceUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingestion's side of the socket-event stream. Agent events go into a bounded queue that one thread hands to the
 * producer in batches of up to 1,000 (so at most capacity + 1,000 events wait in this process), so an agent's connection never waits for Kafka: when the queue is full (Kafka slow or down) the event is
 * dropped and counted ({@code hub.cluster.stream.dropped{reason=buffer-full}}), as the single node's writer drops.
 * REST batches are sent on the caller's thread and acknowledged only once the brokers have every event, so an event
 * acknowledged to REST is never lost; without the brokers within {@code ackTimeout} the caller gets a 503.
 */
final class QueuedEventPublisher implements SocketEventStream, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueuedEventPublisher.class);
    private static final int DRAIN = 1000;

    private final RecordSender sender;
    private final ArrayBlockingQueue<StoredSocketEvent> queue;
    private final Duration ackTimeout;
    private final Counter produced;
    private final Counter droppedFull;
    private final Counter droppedFailed;
    private final Thread thread;
    private volatile boolean running = true;

    QueuedEventPublisher(RecordSender sender, int capacity, Duration ackTimeout, MeterRegistry meters) {
        this.sender = sender;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.ackTimeout = ackTimeout;
        this.produced = Counter.builder("hub.cluster.stream.produced")
                .description("Socket events the brokers acknowledged")
                .register(meters);
        this.droppedFull = dropped(meters, "buffer-full");
        this.droppedFailed = dropped(meters, "send-failed");
        Gauge.builder("hub.cluster.stream.queued", queue, ArrayBlockingQueue::size)
                .description("Agent socket events waiting for the producer")
                .register(meters);
        this.thread = new Thread(this::run, "hub-stream-producer");
        thread.setDaemon(true);
        thread.start();
    }

    private static Counter dropped(MeterRegistry meters, String reason) {
        return Counter.builder("hub.cluster.stream.dropped")
                .tag("reason", reason)
                .description("Agent socket events not published: queue full, or the brokers refused them")
                .register(meters);
    }

    @Override
    public boolean offer(StoredSocketEvent event) {
        if (running && queue.offer(event)) {
            return true;
        }
        droppedFull.increment();
        return false;
    }

    @Override
    public void publish(List<StoredSocketEvent> events) {
        CountDownLatch acked = new CountDownLatch(events.size());
        AtomicReference<@Nullable Exception> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        try {
            for (StoredSocketEvent event : events) {
                sender.send(event.input().hostId(), EventBytes.encode(event), e -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        produced.increment();
                    }
                    acked.countDown();
                });
            }
            if (!acked.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw unavailable("no acknowledgement from the Kafka brokers within " + ackTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for the Kafka brokers");
        } catch (RuntimeException e) {
            if (e instanceof ServiceUnavailableException u) {
                throw u;
            }
            throw unavailable("the Kafka producer failed: " + e.getMessage());
        }
        Exception e = failure.get();
        if (e != null) {
            throw unavailable("the Kafka brokers refused the events: " + e.getMessage());
        }
    }

    private static ServiceUnavailableException unavailable(String detail) {
        return new ServiceUnavailableException(
                "event-stream-unavailable", "Event stream unavailable", detail + "; nothing may be assumed stored");
    }

    @Override
    public int queued() {
        return queue.size();
    }

    private void run() {
        List<StoredSocketEvent> batch = new ArrayList<>(DRAIN);
        while (running || !queue.isEmpty()) {
            try {
                StoredSocketEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, DRAIN - 1);
                for (StoredSocketEvent event : batch) {
                    sendQueued(event);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void sendQueued(StoredSocketEvent event) {
        try {
            sender.send(event.input().hostId(), EventBytes.encode(event), e -> {
                if (e == null) {
                    produced.increment();
                } else {
                    droppedFailed.increment();
                    log.debug(
                            "Socket event of {} not published: {}",
                            event.input().hostId(),
                            e.toString());
                }
            });
        } catch (RuntimeException e) {
            droppedFailed.increment();
            log.debug("Socket event of {} not published: {}", event.input().hostId(), e.toString());
        }
    }

    /** Hands what is queued to the producer and waits for the brokers (a clean shutdown loses nothing queued). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.flush();
        sender.close();
    }
}
