package io.zeekagent.hub.cluster;

import java.util.Set;

/**
 * The leader released the hosts of replicas whose lease expired; published inside the releasing transaction so that
 * the host feature marks them OFFLINE atomically with the release.
 *
 * @param hostIds the hosts that lost their owner
 * @param replicaIds the replicas that expired
 */
public record HostsOrphaned(Set<String> hostIds, Set<String> replicaIds) {

    public HostsOrphaned {
        hostIds = Set.copyOf(hostIds);
        replicaIds = Set.copyOf(replicaIds);
    }
}
