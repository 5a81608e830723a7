package io.zeekagent.hub.host;

import java.util.Set;

/**
 * Published (Spring application event) when groups are assigned to or removed from a host over REST; the
 * dispatcher tells an online agent with {@code host_join}/{@code host_leave}.
 *
 * @param hostId the host
 * @param added groups newly assigned
 * @param removed groups no longer assigned
 */
public record HostGroupsAssigned(String hostId, Set<String> added, Set<String> removed) {

    public HostGroupsAssigned {
        added = Set.copyOf(added);
        removed = Set.copyOf(removed);
    }
}
