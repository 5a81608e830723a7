package io.zeekagent.hub.zeromq;

/** Told about cluster-wide topic subscriptions and unsubscriptions (see {@link AgentChannel#addSubscriptionListener}). */
@FunctionalInterface
public interface SubscriptionListener {

    /**
     * Called on the bridge's dispatch thread.
     *
     * @param topic the subscribed prefix, without the leading {@code 0x01}/{@code 0x00} byte
     * @param subscribed {@code true} for a subscription, {@code false} when the last subscriber of the topic is gone
     */
    void onSubscriptionChange(String topic, boolean subscribed);
}
