package io.zeekagent.hub.zeromq;

import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
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

    /**
     * Socket thread: hands over a well-framed event and the CURVE key its connection authenticated with, if known;
     * {@code false} (and counted) when the queue is full.
     */
    boolean offerEvent(byte[] topic, byte[] sender, @Nullable String senderKey, byte[] payload) {
        return enqueue(new RawEvent(topic, sender, senderKey, payload, null));
    }

    /**
     * Socket thread: when the event's topic has an inline handler ({@link AgentChannel#subscribeInline}) and no other
     * handler, decodes the event and runs that handler here; {@code true} when the event was dealt with (handled,
     * dropped as undecodable, or queued already decoded because the handler passed it on), {@code false} when it
     * must go through {@link #offerEvent}.
     */
    boolean handleInline(byte[] topic, byte[] sender, @Nullable String senderKey, byte[] payload) {
        LocalSubscription fast = null;
        String name = null;
        for (LocalSubscription subscription : handlers) {
            if (fast == null && !subscription.hasInline()) {
                continue;
            }
            if (name == null) {
                name = utf8(topic);
            }
            if (subscription.matches(name)) {
                if (fast != null || !subscription.hasInline()) {
                    return false;
                }
                fast = subscription;
            }
        }
        if (fast == null || name == null) {
            return false;
        }
        // Handlers before the first inline one were skipped unchecked: one of them may want the topic too.
        for (LocalSubscription subscription : handlers) {
            if (subscription == fast) {
                break;
            }
            if (subscription.matches(name)) {
                return false;
            }
        }
        ZeekEvent event;
        try {
            event = codec.decode(payload);
        } catch (RuntimeException e) {
            drops.drop(DropReason.UNDECODABLE, "topic {}: " + e.getMessage(), name);
            return true;
        }
        InboundEvent inbound = new InboundEvent(name, utf8(sender), event, senderKey);
        try {
            if (fast.deliverInline(inbound)) {
                stats.delivered.increment();
                return true;
            }
        } catch (RuntimeException e) {
            stats.handlerErrors.increment();
            handlerFailures.warn("Inline handler of {} failed on {}: {}", fast, name, e.toString());
            return true;
        }
        enqueue(new RawEvent(topic, sender, senderKey, payload, inbound));
        return true;
    }

    private boolean enqueue(RawEvent event) {
        if (pendingEvents.incrementAndGet() > capacity) {
            pendingEvents.decrementAndGet();
            drops.drop(DropReason.INBOUND_QUEUE_FULL, "handlers are behind, topic {}", utf8(event.topic()));
            return false;
        }
        queue.add(event);
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
        InboundEvent inbound = raw.decoded();
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
                inbound = new InboundEvent(topic, utf8(raw.sender()), event, raw.senderKey());
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

    /** A well-framed inbound message; its payload decoded already when an inline handler passed it on. */
    private record RawEvent(
            byte[] topic,
            byte[] sender,
            @Nullable String senderKey,
            byte[] payload,
            @Nullable InboundEvent decoded) {}

    /** A subscription or unsubscription seen on the hub's XPUB. */
    private record SubscriptionChange(String topic, boolean subscribed) {}
}
