package io.zeekagent.hub.subscription;

/** What the hub does with a subscription's rows. */
public enum SubscriptionKind {
    /** Stored as query results. */
    RESULTS,
    /** Stored as socket events (with a hub-assigned seuid) and fed to attribution. */
    SOCKET_EVENTS
}
