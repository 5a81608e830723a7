package io.zeekagent.hub.dispatch;

/** The latest state of a subscription on a host. */
public enum DeliveryState {
    /** The host was sent the subscribe and should be running the query. */
    SUBSCRIBED,
    /** The host was sent the unsubscribe, or reconnected and lost it (then it is redelivered within a tick). */
    UNSUBSCRIBED,
    /** Sending failed; the next tick tries again. */
    FAILED,
    /**
     * The subscription targets the host but its agent lacks a table the query reads (e.g. v2's {@code processes} on
     * a v1 agent): nothing is sent, and the message names the tables and the agent's transport.
     */
    NOT_APPLICABLE
}
