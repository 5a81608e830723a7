package io.zeekagent.hub.host;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Computes group membership (DESIGN §6): groups the agent announced ∪ groups assigned over REST ∪ groups whose
 * subnets contain one of the host's addresses.
 */
@Component
class HostMembership {

    private final HostRepository hosts;
    private final GroupDirectory groups;

    HostMembership(HostRepository hosts, GroupDirectory groups) {
        this.hosts = hosts;
        this.groups = groups;
    }

    List<GroupRule> rules() {
        return groups.rules();
    }

    static Set<String> effectiveGroups(Host host, List<GroupRule> rules) {
        Set<String> result = new TreeSet<>(host.getAnnouncedGroups());
        Set<String> addresses = host.getAddresses();
        for (GroupRule rule : rules) {
            if (rule.assigns(host.getHostId()) || rule.coversAny(addresses)) {
                result.add(rule.name());
            }
        }
        return result;
    }

    static Set<String> assignedGroups(String hostId, List<GroupRule> rules) {
        Set<String> result = new TreeSet<>();
        for (GroupRule rule : rules) {
            if (rule.assigns(hostId)) {
                result.add(rule.name());
            }
        }
        return result;
    }

    /** Ids of stored hosts that are effective members of the group (defined or only announced). */
    Set<String> memberIds(String group) {
        Set<String> ids = new HashSet<>(hosts.findHostIdsAnnouncingGroup(group));
        groups.rule(group).ifPresent(rule -> {
            ids.addAll(rule.hostIds());
            if (!rule.subnets().isEmpty()) {
                addCovered(rule, hosts.findAnnouncedAddressPairs(), ids);
                addCovered(rule, hosts.findAssignedAddressPairs(), ids);
            }
        });
        // Explicit assignments may name hosts not seen yet; members are hosts the hub knows.
        if (!ids.isEmpty()) {
            ids.retainAll(new HashSet<>(hosts.findAllIds(ids)));
        }
        return ids;
    }

    private static void addCovered(GroupRule rule, List<Object[]> pairs, Set<String> ids) {
        for (Object[] pair : pairs) {
            if (rule.coversAny(List.of((String) pair[1]))) {
                ids.add((String) pair[0]);
            }
        }
    }
}
