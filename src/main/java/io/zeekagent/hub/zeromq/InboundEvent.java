package io.zeekagent.hub.zeromq;

import io.zeekagent.hub.broker.ZeekEvent;
import org.jspecify.annotations.Nullable;

/**
 * A Zeek event received from the cluster.
 *
 * @param topic the exact topic it was published on (subscriptions match by prefix)
 * @param senderNodeId the publishing node's id (frame 1)
 * @param event the decoded event
 * @param senderKey the Z85 CURVE public key the sender's connection authenticated with, when the hub read the event
 *     from that connection itself (the embedded proxy with CURVE on, see {@link AgentChannel#authenticatedSenderKeys});
 *     {@code null} otherwise. Unlike {@code senderNodeId}, which any peer can write, ZeroMQ vouches for it.
 */
public record InboundEvent(
        String topic,
        String senderNodeId,
        ZeekEvent event,
        @Nullable String senderKey) {

    /** Whether this event was published on exactly {@code exactTopic}, not merely on a topic it prefixes. */
    public boolean hasTopic(String exactTopic) {
        return topic.equals(exactTopic);
    }
}
