package io.zeekagent.hub.query;

import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.cluster.HostOwnership;
import io.zeekagent.hub.dispatch.AgentTransport;
import io.zeekagent.hub.dispatch.AgentTransports;
import io.zeekagent.hub.dispatch.ExecuteCommand;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * With replicas: sends the one-shot query targets that another replica created for hosts this one owns. Every tick
 * it re-reads the unsent targets, so nothing waits longer than one tick; taking a target is a conditional update, so
 * each is sent exactly once. Does nothing on a single node, where the creating node sends at once.
 */
@Component
class OwnedQueryTargets {

    private static final Logger log = LoggerFactory.getLogger(OwnedQueryTargets.class);

    private final OneShotQueryStore store;
    private final QueryPlanner planner;
    private final AgentTransports transports;
    private final HostOwnership ownership;
    private final ActivityLog activity;
    private final QueryProperties properties;

    OwnedQueryTargets(
            OneShotQueryStore store,
            QueryPlanner planner,
            AgentTransports transports,
            HostOwnership ownership,
            ActivityLog activity,
            QueryProperties properties) {
        this.store = store;
        this.planner = planner;
        this.transports = transports;
        this.ownership = ownership;
        this.activity = activity;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${hub.dispatch.interval:2s}", initialDelayString = "${hub.dispatch.interval:2s}")
    void tick() {
        if (!ownership.isShared()) {
            return;
        }
        try {
            sendOwned();
        } catch (RuntimeException e) {
            log.warn("Sending one-shot queries routed to this replica failed: {}", e.toString());
        }
    }

    /** Sends what is due; returns how many targets were sent. */
    int sendOwned() {
        Instant now = Instant.now();
        List<OneShotQueryStore.Unsent> unsent = store.unsent(now.minus(properties.retention()));
        if (unsent.isEmpty()) {
            return 0;
        }
        Set<String> owned = ownership.ownedAmong(
                unsent.stream().map(OneShotQueryStore.Unsent::hostId).toList());
        if (owned.isEmpty()) {
            return 0;
        }
        Map<String, QueryTarget> targets = new HashMap<>();
        planner.targets(owned, Set.of()).forEach(t -> targets.put(t.hostId(), t));
        int sent = 0;
        for (OneShotQueryStore.Unsent u : unsent) {
            QueryTarget t = targets.get(u.hostId());
            if (t == null || !t.online() || t.transport() == null) {
                continue;
            }
            Optional<AgentTransport> transport = transports.reachable(t.transport(), t.hostId());
            if (transport.isPresent() && store.markSent(u.queryId(), u.hostId(), now)) {
                transport
                        .get()
                        .execute(
                                u.hostId(),
                                new ExecuteCommand(
                                        OneShotQueryService.COOKIE_PREFIX + u.queryId(),
                                        properties.event(),
                                        u.query()));
                activity.record(
                        ActivityLog.SOURCE_HOST,
                        u.hostId(),
                        ActivityLog.Level.INFO,
                        "Executing event " + properties.event() + "() for query '" + u.query() + "' (query "
                                + u.queryId() + ", created on another replica)");
                sent++;
            }
        }
        return sent;
    }
}
