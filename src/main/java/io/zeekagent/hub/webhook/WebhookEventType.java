package io.zeekagent.hub.webhook;

/** What a webhook can be told about. */
public enum WebhookEventType {
    /** A host's agent connected or was heard from again after being OFFLINE. */
    HOST_ONLINE,
    /** A host's agent left or went silent. */
    HOST_OFFLINE,
    /** Every target of a one-shot query answered, failed, or the query's wait ended. */
    QUERY_COMPLETED,
    /** A stored socket event has a remote address on the webhook's watch list. */
    ADDRESS_CONTACTED,
    /** A delivery to another webhook failed after its last retry. */
    DELIVERY_FAILED
}
