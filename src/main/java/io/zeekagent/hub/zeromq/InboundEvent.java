package io.zeekagent.hub.zeromq;

import io.zeekagent.hub.broker.ZeekEvent;

/**
 * A Zeek event received from the cluster.
 *
 * @param topic the exact topic it was published on (subscriptions match by prefix)
 * @param senderNodeId the publishing node's id (frame 1)
 * @param event the decoded event
 */
public record InboundEvent(String topic, String senderNodeId, ZeekEvent event) {

    /** Whether this event was published on exactly {@code exactTopic}, not merely on a topic it prefixes. */
    public boolean hasTopic(String exactTopic) {
        return topic.equals(exactTopic);
    }
}
