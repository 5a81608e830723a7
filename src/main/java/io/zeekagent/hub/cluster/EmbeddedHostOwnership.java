package io.zeekagent.hub.cluster;

import java.util.Collection;
import java.util.Set;

/** The single node owns every host: claims always succeed, nothing is stored. */
final class EmbeddedHostOwnership implements HostOwnership {

    @Override
    public boolean claim(String hostId) {
        return true;
    }

    @Override
    public boolean reclaim(String hostId) {
        return true;
    }

    @Override
    public boolean release(String hostId) {
        return true;
    }

    @Override
    public Set<String> ownedAmong(Collection<String> hostIds) {
        return Set.copyOf(hostIds);
    }
}
