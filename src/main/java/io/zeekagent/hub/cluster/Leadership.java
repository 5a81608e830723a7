package io.zeekagent.hub.cluster;

/**
 * Whether this replica is the one that runs the singleton jobs (retention and OFFLINE sweeps). The embedded
 * implementation always leads.
 */
public interface Leadership {

    /** Whether this replica leads now. */
    boolean isLeader();
}
