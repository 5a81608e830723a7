package io.zeekagent.hub.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    /**
     * Every ONLINE host with its transport and effective groups, computed as {@link #effectiveGroups} does but from
     * projections: (id, transport), (id, announced group) and, when a group has subnets, (id, address) pairs.
     */
    List<OnlineHost> onlineHosts() {
        Map<String, String> transports = new TreeMap<>();
        Map<String, Set<String>> groupsOf = new HashMap<>();
        for (Object[] row : hosts.findOnlineTransports()) {
            transports.put((String) row[0], (String) row[1]);
            groupsOf.put((String) row[0], new HashSet<>());
        }
        addPairs(hosts.findOnlineAnnouncedGroupPairs(), groupsOf);
        List<GroupRule> rules = rules();
        for (GroupRule rule : rules) {
            for (String hostId : rule.hostIds()) {
                Set<String> groups = groupsOf.get(hostId);
                if (groups != null) {
                    groups.add(rule.name());
                }
            }
        }
        List<GroupRule> bySubnet =
                rules.stream().filter(r -> !r.subnets().isEmpty()).toList();
        if (!bySubnet.isEmpty()) {
            addCoveringGroups(bySubnet, hosts.findOnlineAnnouncedAddressPairs(), groupsOf);
            addCoveringGroups(bySubnet, hosts.findOnlineAssignedAddressPairs(), groupsOf);
        }
        List<OnlineHost> online = new ArrayList<>(transports.size());
        transports.forEach((id, transport) -> online.add(new OnlineHost(id, transport, groupsOf.get(id))));
        return online;
    }

    private static void addPairs(List<Object[]> pairs, Map<String, Set<String>> groupsOf) {
        for (Object[] pair : pairs) {
            Set<String> groups = groupsOf.get((String) pair[0]);
            if (groups != null) {
                groups.add((String) pair[1]);
            }
        }
    }

    private static void addCoveringGroups(
            List<GroupRule> rules, List<Object[]> addressPairs, Map<String, Set<String>> groupsOf) {
        for (Object[] pair : addressPairs) {
            Set<String> groups = groupsOf.get((String) pair[0]);
            if (groups == null) {
                continue;
            }
            List<String> address = List.of((String) pair[1]);
            for (GroupRule rule : rules) {
                if (rule.coversAny(address)) {
                    groups.add(rule.name());
                }
            }
        }
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
