package io.zeekagent.hub.zeromq;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** A handler registered on the bridge for a topic prefix. */
final class LocalSubscription implements Subscription {

    private final String topicPrefix;
    private final Consumer<InboundEvent> handler;
    private final @Nullable Predicate<InboundEvent> inline;
    private final Consumer<LocalSubscription> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    LocalSubscription(String topicPrefix, Consumer<InboundEvent> handler, Consumer<LocalSubscription> onClose) {
        this(topicPrefix, null, handler, onClose);
    }

    LocalSubscription(
            String topicPrefix,
            @Nullable Predicate<InboundEvent> inline,
            Consumer<InboundEvent> handler,
            Consumer<LocalSubscription> onClose) {
        this.topicPrefix = topicPrefix;
        this.inline = inline;
        this.handler = handler;
        this.onClose = onClose;
    }

    /** Whether this handler may run on the socket thread ({@link AgentChannel#subscribeInline}). */
    boolean hasInline() {
        return inline != null;
    }

    /** Socket thread: {@code true} when the inline handler took the event, {@code false} to pass it on. */
    boolean deliverInline(InboundEvent event) {
        Predicate<InboundEvent> fast = inline;
        return fast != null && fast.test(event);
    }

    @Override
    public String topicPrefix() {
        return topicPrefix;
    }

    boolean matches(String topic) {
        return topic.startsWith(topicPrefix);
    }

    void deliver(InboundEvent event) {
        handler.accept(event);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "Subscription[" + topicPrefix + "]";
    }
}
