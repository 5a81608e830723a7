package io.zeekagent.hub.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.ingest.SocketEventStream;
import io.zeekagent.hub.ingest.StoredSocketEvent;
import io.zeekagent.hub.system.ServiceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingestion's side of the socket-event stream. Agent events go into a bounded queue that one thread hands to the
 * producer in batches of up to 1,000 (so at most capacity + 1,000 events wait in this process), so an agent's
 * connection never waits for Kafka: when the queue is full (Kafka slow or down) the event is dropped and counted
 * ({@code hub.cluster.stream.dropped{reason=buffer-full}}), as the single node's writer drops. REST batches are sent
 * on the caller's thread and acknowledged only once the brokers have every record holding their events, so an event
 * acknowledged to REST is never lost; without the brokers within {@code ackTimeout} the caller gets a 503.
 *
 * <p>Each batch (a REST call's, or a queue drain's) goes out as records of several events, grouped by their host's
 * partition in the batch's order ({@link EventBytes#pack}): grouping by host alone would gain nothing when a batch
 * carries one or two events per host, as a collector's batch or a drain of many agents' events does. The counters
 * count events, whatever the records they travelled in.
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
    /** Records the brokers could not take for a passing reason, sent again before anything new is drained. */
    private final Queue<EventBytes.Packed> retry = new ConcurrentLinkedQueue<>();

    private volatile boolean running = true;

    static final long RETRY_PAUSE_MILLIS = 500;

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
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        AtomicReference<@Nullable Exception> failure = new AtomicReference<>();
        try {
            List<EventBytes.Packed> records = pack(events);
            CountDownLatch acked = new CountDownLatch(records.size());
            for (EventBytes.Packed record : records) {
                sender.send(record.partition(), record.key(), record.value(), e -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        produced.increment(record.events());
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

    /**
     * The events as records, each event in the partition Kafka's default partitioner gives its host id as the key
     * (records are sent to that partition explicitly, since they carry several hosts).
     */
    private List<EventBytes.Packed> pack(List<StoredSocketEvent> events) {
        int partitions = sender.partitions();
        return EventBytes.pack(
                events, host -> Utils.toPositive(Utils.murmur2(host.getBytes(StandardCharsets.UTF_8))) % partitions);
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
        while (running || !queue.isEmpty() || !retry.isEmpty()) {
            try {
                if (!retry.isEmpty()) {
                    resend();
                    continue;
                }
                StoredSocketEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, DRAIN - 1);
                sendQueued(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void sendQueued(List<StoredSocketEvent> batch) {
        List<EventBytes.Packed> records;
        try {
            records = pack(batch);
        } catch (RuntimeException e) {
            droppedFailed.increment(batch.size());
            log.debug("{} socket events not published: {}", batch.size(), e.toString());
            return;
        }
        for (EventBytes.Packed record : records) {
            send(record);
        }
    }

    /**
     * Sends again, after a pause, the records the brokers could not take for a reason that passes (no broker, no
     * leader, a timeout): the queue is not drained meanwhile, so agent events wait in it while Kafka is away and only
     * what overflows its capacity is dropped ({@code buffer-full}), instead of every event failing its send. On a
     * clean stop what is still waiting is dropped and counted.
     */
    private void resend() throws InterruptedException {
        if (!running) {
            for (EventBytes.Packed record; (record = retry.poll()) != null; ) {
                droppedFailed.increment(record.events());
            }
            return;
        }
        Thread.sleep(RETRY_PAUSE_MILLIS);
        for (int n = retry.size(); n > 0; n--) {
            EventBytes.Packed record = retry.poll();
            if (record == null) {
                return;
            }
            send(record);
        }
    }

    private void send(EventBytes.Packed record) {
        try {
            sender.send(record.partition(), record.key(), record.value(), e -> {
                if (e == null) {
                    produced.increment(record.events());
                } else {
                    failed(record, e);
                }
            });
        } catch (RuntimeException e) {
            failed(record, e);
        }
    }

    private void failed(EventBytes.Packed record, Exception e) {
        if (e instanceof RetriableException && running) {
            retry.add(record);
            log.debug("{} socket events of partition {} to be sent again: {}", record.events(), record.partition(), e);
            return;
        }
        droppedFailed.increment(record.events());
        log.debug(
                "{} socket events of partition {} not published: {}",
                record.events(),
                record.partition(),
                e.toString());
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
