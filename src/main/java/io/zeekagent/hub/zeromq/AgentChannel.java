package io.zeekagent.hub.zeromq;

import io.zeekagent.hub.broker.ZeekEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Publish/subscribe of Zeek events with agents and Zeek nodes, the way a node of Zeek's ZeroMQ cluster backend does.
 *
 * <p>Handlers and listeners run on the bridge's dispatch thread, never on a socket thread (except the inline handlers
 * of {@link #subscribeInline}); they should return quickly
 * (a slow handler makes the bounded inbound queue overflow, and overflowing events are dropped and counted).
 * {@link #publish} is safe from any thread.
 */
public interface AgentChannel {

    /**
     * Receives every event whose topic starts with {@code topicPrefix} (ZeroMQ byte-prefix matching).
     *
     * @return a handle whose {@link Subscription#close()} removes the handler and, when it was the last one for the
     *     prefix, withdraws the subscription from the cluster
     */
    Subscription subscribe(String topicPrefix, Consumer<InboundEvent> handler);

    /**
     * Like {@link #subscribe}, for handlers that answer in microseconds and never block: {@code inline} runs on the
     * socket thread as the event arrives, so the event skips the hand-over to the dispatch thread and what it
     * publishes goes out on the same thread's next turn (two thread wake-ups less per request and answer). When
     * {@code inline} returns {@code false} (it would have to wait, e.g. for the database), or another handler also
     * wants the event's topic, the event takes the normal way and reaches {@code fallback} on the dispatch thread.
     */
    default Subscription subscribeInline(
            String topicPrefix, Predicate<InboundEvent> inline, Consumer<InboundEvent> fallback) {
        return subscribe(topicPrefix, fallback);
    }

    /**
     * Whether {@link #subscribeInline}'s socket thread is the embedded proxy's own, which reads every peer's events:
     * answering there saves the hand-overs and, under a burst, holds the peers back through ZeroMQ instead of
     * dropping at the dispatch queue. False in {@code connect} mode and by default.
     */
    default boolean inlineOnProxyThread() {
        return false;
    }

    /**
     * The CURVE public keys (Z85) an event's sender can have authenticated with, when every {@link InboundEvent}
     * carries the key of the connection it came in on ({@link InboundEvent#senderKey()}): only in
     * {@code embedded-proxy} mode with CURVE on, where the hub reads each event from the peer's own connection. Empty
     * when the hub cannot know who sent an event: without CURVE, or through an external proxy ({@code connect} mode),
     * whose connections the hub never sees.
     */
    default Optional<Set<String>> authenticatedSenderKeys() {
        return Optional.empty();
    }

    /** Like {@link #subscribe} but delivers only events whose topic equals {@code topic} exactly. */
    default Subscription subscribeExact(String topic, Consumer<InboundEvent> handler) {
        return subscribe(topic, event -> {
            if (event.hasTopic(topic)) {
                handler.accept(event);
            }
        });
    }

    /**
     * Queues an event for publication on {@code topic}. Never blocks: when the outbound queue or the socket is full,
     * the event is dropped and counted. ZeroMQ filters on the sending side, so an event for a topic nobody has
     * subscribed to yet is silently discarded; use {@link #awaitSubscriber} first when that matters.
     */
    void publish(String topic, ZeekEvent event);

    /**
     * Observes subscriptions and unsubscriptions of the whole cluster, as seen on the hub's XPUB socket. A subscribe
     * is reported every time a peer sends it (repeats are possible); an unsubscribe once the last subscriber of that
     * topic is gone (a peer unsubscribed, disconnected, or was found dead by heartbeats).
     */
    void addSubscriptionListener(SubscriptionListener listener);

    /** Waits until some peer subscribes to a prefix of {@code topic}; {@code true} if one did within the timeout. */
    boolean awaitSubscriber(String topic, Duration timeout) throws InterruptedException;

    /** Whether the hub's sockets are connected and its own subscriptions have echoed back through the proxy. */
    boolean isReady();

    /** This process's node id, sent in frame 1 of every message (Zeek's {@code Cluster::node_id()} style). */
    String nodeId();
}
