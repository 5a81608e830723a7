package io.zeekagent.hub.dispatch;

import java.util.Set;

/**
 * Published by the host feature (Spring application event, after commit) when groups are assigned to or removed
 * from a host over REST; the dispatcher sends {@code host_join}/{@code host_leave} to the host if it is online.
 *
 * @param hostId the host
 * @param added groups now assigned
 * @param removed groups no longer assigned
 */
public record HostGroupsChanged(String hostId, Set<String> added, Set<String> removed) {

    public HostGroupsChanged {
        added = Set.copyOf(added);
        removed = Set.copyOf(removed);
    }
}
