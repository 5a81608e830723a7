package io.zeekagent.hub.zeromq;

import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatch thread: decodes inbound payloads and runs handlers and subscription listeners, so that neither
 * decoding nor a handler ever holds up the socket thread. Events queue up to a fixed capacity (beyond it they are
 * dropped and counted); subscription changes are never dropped, since agent liveness depends on them.
 */
final class InboundDispatcher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(InboundDispatcher.class);
    private static final Object STOP = new Object();
    private static final int BATCH = 1024;

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pendingEvents = new AtomicInteger();
    private final int capacity;
    private final EventCodec codec;
    private final List<LocalSubscription> handlers;
    private final List<SubscriptionListener> listeners;
    private final BridgeStats stats;
    private final DropRecorder drops;
    private final RateLimitedLog handlerFailures;

    InboundDispatcher(
            int capacity,
            EventCodec codec,
            List<LocalSubscription> handlers,
            List<SubscriptionListener> listeners,
            BridgeStats stats,
            DropRecorder drops,
            RateLimitedLog handlerFailures) {
        this.capacity = capacity;
        this.codec = codec;
        this.handlers = handlers;
        this.listeners = listeners;
        this.stats = stats;
        this.drops = drops;
        this.handlerFailures = handlerFailures;
    }

    /** Socket thread: hands over a well-framed event; {@code false} (and counted) when the queue is full. */
    boolean offerEvent(byte[] topic, byte[] sender, byte[] payload) {
        if (pendingEvents.incrementAndGet() > capacity) {
            pendingEvents.decrementAndGet();
            drops.drop(DropReason.INBOUND_QUEUE_FULL, "handlers are behind, topic {}", utf8(topic));
            return false;
        }
        queue.add(new RawEvent(topic, sender, payload));
        return true;
    }

    /** Socket thread: hands over a cluster subscription change for the listeners. */
    void offerChange(String topic, boolean subscribed) {
        queue.add(new SubscriptionChange(topic, subscribed));
    }

    /** Asks the thread to finish after what is already queued. */
    void stop() {
        queue.add(STOP);
    }

    @Override
    public void run() {
        List<Object> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                int events = 0;
                for (Object item : batch) {
                    if (item == STOP) {
                        return;
                    } else if (item instanceof RawEvent event) {
                        events++;
                        dispatch(event);
                    } else if (item instanceof SubscriptionChange change) {
                        notifyListeners(change);
                    }
                }
                pendingEvents.addAndGet(-events);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch(RawEvent raw) {
        String topic = utf8(raw.topic());
        InboundEvent inbound = null;
        for (LocalSubscription subscription : handlers) {
            if (!subscription.matches(topic)) {
                continue;
            }
            if (inbound == null) {
                ZeekEvent event;
                try {
                    event = codec.decode(raw.payload());
                } catch (RuntimeException e) {
                    drops.drop(DropReason.UNDECODABLE, "topic {}: " + e.getMessage(), topic);
                    return;
                }
                inbound = new InboundEvent(topic, utf8(raw.sender()), event);
            }
            try {
                subscription.deliver(inbound);
                stats.delivered.increment();
            } catch (RuntimeException e) {
                stats.handlerErrors.increment();
                handlerFailures.warn("Handler of {} failed on {}: {}", subscription, topic, e.toString());
            }
        }
    }

    private void notifyListeners(SubscriptionChange change) {
        for (SubscriptionListener listener : listeners) {
            try {
                listener.onSubscriptionChange(change.topic(), change.subscribed());
            } catch (RuntimeException e) {
                log.warn("Subscription listener failed on {}", change, e);
            }
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A well-framed inbound message whose payload is not decoded yet. */
    private record RawEvent(byte[] topic, byte[] sender, byte[] payload) {}

    /** A subscription or unsubscription seen on the hub's XPUB. */
    private record SubscriptionChange(String topic, boolean subscribed) {}
}
