package io.zeekagent.hub.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhook events from a bounded queue on its own thread: {@link #offer} never blocks (a full queue drops
 * and counts), each attempt is signed, a failed one is retried after an exponential backoff on a timer (not on the
 * worker), redirects are not followed, and the destination is checked again before every attempt.
 */
final class WebhookDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** One event for one webhook; {@code attempt} counts from 1. */
    record Delivery(Webhook hook, String id, WebhookEventType type, byte[] body, int attempt) {

        Delivery next() {
            return new Delivery(hook, id, type, body, attempt + 1);
        }
    }

    private final WebhookProperties properties;
    private final DestinationGuard guard;
    private final Clock clock;
    private final Consumer<Delivery> gaveUp;
    private final BlockingQueue<Delivery> queue;
    private final Map<String, DeliveryStatus> statuses = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final Thread worker;
    private volatile boolean running = true;

    WebhookDispatcher(WebhookProperties properties, DestinationGuard guard, Clock clock, Consumer<Delivery> gaveUp) {
        this.properties = properties;
        this.guard = guard;
        this.clock = clock;
        this.gaveUp = gaveUp;
        this.queue = new ArrayBlockingQueue<>(properties.maxQueued());
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.timeout())
                .build();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "webhook-retry"));
        this.worker = daemon(this::run, "webhook-dispatcher");
        worker.start();
    }

    /** Queues a delivery; false (and counted as failed) when the queue is full. Never blocks. */
    boolean offer(Delivery delivery) {
        if (running && queue.offer(delivery)) {
            return true;
        }
        record(delivery.hook().id(), null, "dropped: the delivery queue is full", false, true);
        return false;
    }

    DeliveryStatus status(String webhookId) {
        return statuses.getOrDefault(webhookId, DeliveryStatus.NONE);
    }

    void forget(String webhookId) {
        statuses.remove(webhookId);
    }

    private void run() {
        while (running) {
            try {
                attempt(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Webhook delivery failed unexpectedly", e);
            }
        }
    }

    private void attempt(Delivery d) throws InterruptedException {
        String refusal = guard.refusal(d.hook().url()).orElse(null);
        if (refusal != null) {
            finish(d, null, "destination refused: " + refusal);
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.hook().url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "zeek-agent-hub-webhooks")
                .header("X-Hub-Event", d.type().name())
                .header("X-Hub-Delivery", d.id())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(
                        WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(d.hook().secret(), timestamp, d.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                record(d.hook().id(), status, null, true, false);
            } else {
                retryOrFinish(d, status, "answered " + status);
            }
        } catch (java.io.IOException e) {
            retryOrFinish(d, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void retryOrFinish(Delivery d, @Nullable Integer status, String error) {
        if (d.attempt() >= properties.maxAttempts() || !running) {
            finish(d, status, error);
            return;
        }
        record(d.hook().id(), status, error, false, false);
        Duration wait = properties.initialBackoff().multipliedBy(1L << Math.min(d.attempt() - 1, 16));
        timer.schedule(() -> offer(d.next()), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void finish(Delivery d, @Nullable Integer status, String error) {
        record(d.hook().id(), status, error, false, true);
        log.info(
                "Webhook {} delivery {} ({}) given up after {} attempt(s): {}",
                d.hook().id(),
                d.id(),
                d.type(),
                d.attempt(),
                error);
        gaveUp.accept(d);
    }

    private void record(
            String webhookId, @Nullable Integer status, @Nullable String error, boolean delivered, boolean failed) {
        statuses.compute(webhookId, (id, s) -> {
            DeliveryStatus old = s == null ? DeliveryStatus.NONE : s;
            return new DeliveryStatus(
                    status == null ? old.lastStatus() : status,
                    clock.instant(),
                    error,
                    old.delivered() + (delivered ? 1 : 0),
                    old.failed() + (failed ? 1 : 0));
        });
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        timer.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
