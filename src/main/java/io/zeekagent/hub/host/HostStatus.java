package io.zeekagent.hub.host;

/** Liveness of a host as the hub sees it. */
public enum HostStatus {
    /** Pre-registered over REST; its agent has not connected yet. */
    PENDING,
    /** Its agent announced itself and has not been seen to leave. */
    ONLINE,
    /** Its agent was connected once and has left. */
    OFFLINE
}
