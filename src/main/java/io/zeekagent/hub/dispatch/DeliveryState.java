package io.zeekagent.hub.dispatch;

/** The latest state of a subscription on a host. */
public enum DeliveryState {
    /** The host was sent the subscribe and should be running the query. */
    SUBSCRIBED,
    /** The host was sent the unsubscribe, or reconnected and lost it (then it is redelivered within a tick). */
    UNSUBSCRIBED,
    /** Sending failed; the next tick tries again. */
    FAILED
}
