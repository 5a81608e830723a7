package io.zeekagent.hub.host;

import io.zeekagent.hub.net.Cidr;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What makes a host a member of a group defined over REST, besides announcing it: being assigned explicitly, or
 * having an address inside one of the group's subnets.
 *
 * @param name the group name
 * @param hostIds hosts assigned explicitly (may name hosts not seen yet)
 * @param subnets networks whose addresses make a host a member
 */
public record GroupRule(String name, Set<String> hostIds, List<Cidr> subnets) {

    public GroupRule {
        hostIds = Set.copyOf(hostIds);
        subnets = List.copyOf(subnets);
    }

    /** Whether the host is assigned explicitly. */
    public boolean assigns(String hostId) {
        return hostIds.contains(hostId);
    }

    /** Whether one of the addresses lies in one of the subnets. */
    public boolean coversAny(Collection<String> addresses) {
        return !subnets.isEmpty()
                && addresses.stream().anyMatch(a -> subnets.stream().anyMatch(s -> s.contains(a)));
    }
}
