package io.zeekagent.hub.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * The replica's pulse, on a thread of its own so a busy scheduler never lets the lease lapse: renew the lease, take
 * or keep the leader lock, and as leader release the hosts of expired replicas. Starts before the agent bridge (so a
 * claim never precedes the lease) and resigns on a clean stop.
 */
final class ReplicaHeartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplicaHeartbeat.class);

    private final ReplicaLeases leases;
    private final AdvisoryLockLeadership leadership;
    private final ReplicaIdentity identity;
    private final Duration heartbeat;
    private final AtomicInteger orphanedHosts;
    private volatile @Nullable ScheduledExecutorService executor;
    /** Since when (nanoTime) every renewal succeeded; {@link #NEVER} after a failed one. */
    private long renewedSince = NEVER;

    private static final long NEVER = Long.MIN_VALUE;

    ReplicaHeartbeat(
            ReplicaLeases leases,
            AdvisoryLockLeadership leadership,
            ReplicaIdentity identity,
            Duration heartbeat,
            MeterRegistry meters) {
        this.leases = leases;
        this.leadership = leadership;
        this.identity = identity;
        this.heartbeat = heartbeat;
        this.orphanedHosts = new AtomicInteger();
        meters.gauge("hub.cluster.leader", leadership, l -> l.isLeader() ? 1 : 0);
        meters.more().counter("hub.cluster.hosts.orphaned", List.of(), orphanedHosts);
    }

    /** The web server knows its port now: advertise the real URL at once. */
    @EventListener
    void onWebServer(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // the management server, if it runs on a port of its own
        }
        identity.webServerStarted(event.getWebServer().getPort());
        beat();
    }

    /** One beat; also called by tests. */
    synchronized void beat() {
        beat(System.nanoTime());
    }

    /**
     * One beat at {@code now} (nanoTime). The leader sweeps only after its own lease has been renewed without a break
     * for a whole lease: after a database outage every replica's lease has lapsed, and sweeping at the first beat
     * back would release the hosts of replicas (this one's included) whose agents are still connected to them and
     * which simply have not renewed yet — nothing would claim those hosts again until their agents reconnect.
     */
    synchronized void beat(long now) {
        boolean renewed;
        try {
            leases.renew(identity.restUrl());
            renewed = true;
        } catch (RuntimeException e) {
            renewed = false;
            log.warn("Renewing the lease of replica {} failed: {}", identity.replicaId(), e.toString());
        }
        if (!renewed) {
            renewedSince = NEVER;
        } else if (renewedSince == NEVER) {
            renewedSince = now;
        }
        boolean settled = renewed && now - renewedSince >= leases.lease().toNanos();
        if (leadership.refresh() && settled) {
            try {
                HostsOrphaned orphaned = leases.releaseExpired();
                if (orphaned != null && !orphaned.hostIds().isEmpty()) {
                    orphanedHosts.addAndGet(orphaned.hostIds().size());
                    log.warn(
                            "Replicas {} stopped renewing their lease; released their {} hosts and marked them OFFLINE",
                            orphaned.replicaIds(),
                            orphaned.hostIds().size());
                }
            } catch (RuntimeException e) {
                log.warn("Cluster sweep failed: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            leases.renew(identity.restUrl());
            ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "cluster-heartbeat");
                t.setDaemon(true);
                return t;
            });
            e.scheduleWithFixedDelay(this::beat, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
            executor = e;
            log.info("Replica {} started (REST at {})", identity.replicaId(), identity.restUrl());
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
            executor = null;
            try {
                leases.resign();
            } catch (RuntimeException ex) {
                log.warn("Resigning the lease failed: {}", ex.toString());
            }
            leadership.close();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Before the agent bridge (phase 0) and the presence stage (-100), so claims always follow a lease. */
    @Override
    public int getPhase() {
        return -1000;
    }
}
