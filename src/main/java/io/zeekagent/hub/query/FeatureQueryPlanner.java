package io.zeekagent.hub.query;

import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.host.OnlineHost;
import io.zeekagent.hub.subscription.QueryAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** {@link QueryPlanner} on the subscription feature's query analysis and the host feature's service. */
@Component
class FeatureQueryPlanner implements QueryPlanner {

    private final HostService hosts;

    FeatureQueryPlanner(HostService hosts) {
        this.hosts = hosts;
    }

    @Override
    public List<String> columns(String sql) {
        return QueryAnalyzer.analyze(sql, null).columns();
    }

    @Override
    public boolean readsUsers(String sql) {
        return QueryAnalyzer.analyze(sql, null).tables().equals(java.util.Set.of("users"));
    }

    /**
     * One bulk read of the online hosts (the dispatcher's projection) rather than a page or an entity per host: a
     * query for every host of a 10,000-host fleet resolves its targets in one pass. Named hosts and group members
     * that are not online are still listed, as targets the query cannot reach.
     */
    @Override
    public List<QueryTarget> targets(Set<String> hostIds, Set<String> groups) {
        Map<String, String> online = new TreeMap<>();
        for (OnlineHost h : hosts.onlineHosts()) {
            online.put(h.hostId(), h.transport());
        }
        Set<String> ids = new TreeSet<>(hostIds);
        groups.forEach(g -> ids.addAll(hosts.hostIdsInGroup(g)));
        if (hostIds.isEmpty() && groups.isEmpty()) {
            ids.addAll(online.keySet());
        }
        List<QueryTarget> targets = new ArrayList<>(ids.size());
        for (String id : ids) {
            targets.add(new QueryTarget(id, online.get(id), online.containsKey(id)));
        }
        return targets;
    }
}
