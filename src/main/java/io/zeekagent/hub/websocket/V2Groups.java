package io.zeekagent.hub.websocket;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The groups a v2 agent belongs to, read from its subscriptions: it subscribes to {@code
 * /zeek-agent/query/group/<agent id>/<group>} for each configured group, for {@code all} and for its platform.
 */
final class V2Groups {

    private V2Groups() {}

    /** The agent's groups except {@code all}, which every host is in anyway. */
    static Set<String> of(String agentId, List<String> prefixes) {
        String mine = V2Topics.QUERY_PREFIX + "group/" + agentId + "/";
        Set<String> groups = new TreeSet<>();
        for (String prefix : prefixes) {
            if (prefix.startsWith(mine) && prefix.length() > mine.length()) {
                String group = prefix.substring(mine.length());
                if (!group.equals("all")) {
                    groups.add(group);
                }
            }
        }
        return groups;
    }
}
