package io.zeekagent.hub.query;

import io.zeekagent.hub.host.HostResponse;
import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.host.HostStatus;
import io.zeekagent.hub.subscription.QueryAnalyzer;
import io.zeekagent.hub.system.Paging;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.domain.Sort;
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
    public List<QueryTarget> targets(Set<String> hostIds, Set<String> groups) {
        List<QueryTarget> targets = new ArrayList<>();
        if (hostIds.isEmpty() && groups.isEmpty()) {
            for (int page = 0; ; page++) {
                var p = hosts.list(HostStatus.ONLINE, null, null, Paging.of(page, Paging.MAX_SIZE, Sort.by("hostId")));
                p.content().forEach(h -> targets.add(target(h)));
                if (page + 1 >= p.totalPages()) {
                    return targets;
                }
            }
        }
        Set<String> ids = new TreeSet<>(hostIds);
        groups.forEach(g -> ids.addAll(hosts.hostIdsInGroup(g)));
        for (String id : ids) {
            targets.add(hosts.find(id).map(FeatureQueryPlanner::target).orElse(new QueryTarget(id, null, false)));
        }
        return targets;
    }

    private static QueryTarget target(HostResponse h) {
        return new QueryTarget(h.hostId(), h.transport(), h.status() == HostStatus.ONLINE);
    }
}
