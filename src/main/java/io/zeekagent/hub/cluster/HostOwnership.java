package io.zeekagent.hub.cluster;

import java.util.Collection;
import java.util.Set;

/**
 * Which hosts this replica owns: the ones whose agent is connected to it. Only the owner plans and sends commands to
 * a host, so no subscription is sent twice. The embedded implementation owns every host.
 */
public interface HostOwnership {

    /** The single-node ownership: every host is this node's. */
    static HostOwnership everyHost() {
        return new EmbeddedHostOwnership();
    }

    /**
     * The host's agent appeared on this replica: take it over (compare-and-set of owner and epoch). Runs inside the
     * caller's transaction when there is one.
     *
     * @return whether this replica owns the host now; false when another replica's claim won the race
     */
    boolean claim(String hostId);

    /**
     * The host's agent is still connected to this replica, but the host may have lost its owner (the leader released
     * it while this replica's lease had lapsed, its agent staying): take it only if no replica owns it, never from
     * another one. Unlike {@link #claim} this leaves the epoch alone, so an announcement elsewhere that read the
     * ownerless row still wins its compare-and-set: an agent announcing itself says more than one still heard from.
     * Runs inside the caller's transaction when there is one.
     *
     * @return whether this replica owns the host now
     */
    boolean reclaim(String hostId);

    /**
     * The host's agent left this replica: give the host up if this replica owns it.
     *
     * @return whether this replica owned it (only then may the host be marked OFFLINE: its agent may already be
     *     connected elsewhere)
     */
    boolean release(String hostId);

    /** The hosts among {@code hostIds} that this replica owns, in one read. */
    Set<String> ownedAmong(Collection<String> hostIds);

    /**
     * Whether other replicas may own hosts, so that work created here for them (one-shot queries) is left in the
     * database for their owners to pick up. False for the single node.
     */
    default boolean isShared() {
        return false;
    }
}
