package io.zeekagent.hub.zeromq;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** A handler registered on the bridge for a topic prefix. */
final class LocalSubscription implements Subscription {

    private final String topicPrefix;
    private final Consumer<InboundEvent> handler;
    private final Consumer<LocalSubscription> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    LocalSubscription(String topicPrefix, Consumer<InboundEvent> handler, Consumer<LocalSubscription> onClose) {
        this.topicPrefix = topicPrefix;
        this.handler = handler;
        this.onClose = onClose;
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
