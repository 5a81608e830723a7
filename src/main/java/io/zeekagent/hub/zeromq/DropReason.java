package io.zeekagent.hub.zeromq;

/** Why the bridge discarded a message; each reason is a separate counter and metric tag. */
enum DropReason {
    /** Inbound message with a frame count other than 4. */
    FRAME_COUNT("frame-count"),
    /** Inbound message whose frame 2 names another serializer than ours. */
    SERIALIZER("serializer"),
    /** Inbound message whose payload the codec rejected. */
    UNDECODABLE("undecodable"),
    /** Our own publication echoed back through the proxy (frame 1 is our node id); expected, logged at debug. */
    SELF_ECHO("self-echo"),
    /** The dispatch thread was too far behind (handlers too slow). */
    INBOUND_QUEUE_FULL("inbound-queue-full"),
    /** Publishers outran the socket thread. */
    OUTBOUND_QUEUE_FULL("outbound-queue-full"),
    /** The publishing socket reached its high-water mark (the proxy is not keeping up). */
    SEND_HWM("send-hwm"),
    /** Published while the bridge was stopped. */
    NOT_RUNNING("not-running");

    private final String tag;

    DropReason(String tag) {
        this.tag = tag;
    }

    /** The metric tag value. */
    String tag() {
        return tag;
    }
}
