package io.zeekagent.hub.support;

import io.zeekagent.hub.cluster.HostOwnership;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Test ownership shared with other replicas, of which this replica owns one host only. */
public final class SingleHostOwnership implements HostOwnership {

    private final String hostId;

    private SingleHostOwnership(String hostId) {
        this.hostId = hostId;
    }

    /** Shared ownership in which this replica owns {@code hostId} only. */
    public static HostOwnership owning(String hostId) {
        return new SingleHostOwnership(hostId);
    }

    @Override
    public boolean claim(String id) {
        return id.equals(hostId);
    }

    @Override
    public boolean reclaim(String id) {
        return id.equals(hostId);
    }

    @Override
    public boolean release(String id) {
        return id.equals(hostId);
    }

    @Override
    public Set<String> ownedAmong(Collection<String> hostIds) {
        Set<String> owned = new HashSet<>(hostIds);
        owned.retainAll(Set.of(hostId));
        return owned;
    }

    @Override
    public boolean isShared() {
        return true;
    }
}
