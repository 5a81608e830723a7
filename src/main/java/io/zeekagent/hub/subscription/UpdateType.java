package io.zeekagent.hub.subscription;

/** Which row changes the agent reports for a scheduled query (the wire {@code utype}). */
public enum UpdateType {
    /** Rows new since the previous run. */
    ADDED,
    /** Rows gone since the previous run. */
    REMOVED,
    /** Both. */
    BOTH
}
