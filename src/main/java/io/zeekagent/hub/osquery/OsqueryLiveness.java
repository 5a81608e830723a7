package io.zeekagent.hub.osquery;

import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.host.HostPresenceService;
import io.zeekagent.hub.query.OneShotQueryService;
import java.time.Instant;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * osquery hosts only poll, so silence is how they leave: a host is OFFLINE once its last request is older than
 * 3 × its slowest polling period ({@link OsqueryProperties#offlineAfter()}), and ONLINE again at its next request.
 * Also expires distributed queries a host never answered (osquery denylists a query that killed its worker).
 */
@Component
class OsqueryLiveness {

    private final OsqueryNodes nodes;
    private final HostPresenceService presence;
    private final OneShotQueryService queries;
    private final ActivityLog activity;
    private final OsqueryProperties properties;

    OsqueryLiveness(
            OsqueryNodes nodes,
            HostPresenceService presence,
            OneShotQueryService queries,
            ActivityLog activity,
            OsqueryProperties properties) {
        this.nodes = nodes;
        this.presence = presence;
        this.queries = queries;
        this.activity = activity;
        this.properties = properties;
    }

    /** Hosts ONLINE from the previous run are watched from now on: silent ones go OFFLINE in due time. */
    @EventListener(ApplicationReadyEvent.class)
    void watchOnlineHosts() {
        presence.onlineHostIds(OsqueryEnrollment.TRANSPORT).forEach(nodes::state);
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    void sweep() {
        sweep(Instant.now());
    }

    void sweep(Instant now) {
        Instant silentSince = now.minus(properties.offlineAfter());
        Instant expired = now.minus(properties.queryExpiry());
        for (OsqueryHostState host : nodes.all()) {
            if (!host.offline() && host.lastSeen().isBefore(silentSince)) {
                host.markOffline();
                presence.markOffline(host.hostId());
                activity.record(
                        ActivityLog.SOURCE_HOST,
                        host.hostId(),
                        ActivityLog.Level.INFO,
                        "osquery host silent since " + host.lastSeen() + ": OFFLINE");
            }
            for (PendingQuery q : host.expire(expired)) {
                if (!OsqueryHostState.ADDRESSES.equals(q.name())) {
                    queries.failed(
                            q.name(),
                            host.hostId(),
                            "no answer from osquery within "
                                    + properties.queryExpiry().toSeconds()
                                    + " s (never polled, or the query was denylisted)");
                }
            }
        }
    }
}
