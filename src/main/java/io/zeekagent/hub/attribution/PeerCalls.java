package io.zeekagent.hub.attribution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zeekagent.hub.cluster.PeerStatus;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Calls to other replicas' lookup API, per replica asked: the meters {@code hub.attribution.peer.calls{peer,outcome}},
 * {@code hub.attribution.peer.lookups{peer}} and {@code hub.attribution.peer.latency{peer}}, and the last outcome
 * for the {@code cluster} health component; plus {@code hub.attribution.peer.served}, the lookups this replica
 * answered for others. Each replica's meters are registered once, when it is first asked, so a call costs one map
 * read. Replica ids change with every restart (unless set), so a replica not asked for {@link #FORGET_MILLIS} is
 * dropped, meters included, when a new one is first asked. Thread-safe.
 */
final class PeerCalls implements PeerStatus {

    /** A failure this recent makes the peer path {@code degraded} in health. */
    static final long RECENT_MILLIS = TimeUnit.MINUTES.toMillis(5);

    static final long FORGET_MILLIS = TimeUnit.HOURS.toMillis(1);

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter served;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();

    PeerCalls(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.served = Counter.builder("hub.attribution.peer.served")
                .description("Lookups this replica answered for other replicas")
                .register(registry);
    }

    /** The meters and state of calls to {@code replicaId}; registered on first use. */
    Peer peer(String replicaId) {
        Peer peer = peers.get(replicaId);
        return peer != null ? peer : add(replicaId);
    }

    private synchronized Peer add(String replicaId) {
        Peer peer = peers.get(replicaId);
        if (peer == null) {
            long now = clock.millis();
            peers.values().removeIf(p -> {
                boolean idle = now - p.lastAt > FORGET_MILLIS;
                if (idle) {
                    p.meters().forEach(registry::remove);
                }
                return idle;
            });
            peer = new Peer(replicaId, registry, clock);
            peers.put(replicaId, peer);
        }
        return peer;
    }

    void served(int lookups) {
        served.increment(lookups);
    }

    @Override
    public Map<String, Object> details() {
        long now = clock.millis();
        boolean degraded = false;
        Map<String, Object> replicas = new TreeMap<>();
        for (Peer peer : peers.values()) {
            synchronized (peer) {
                degraded |= peer.failures > 0 && now - peer.lastAt <= RECENT_MILLIS;
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("lastOutcome", peer.lastOutcome);
                state.put("lastCallAt", Instant.ofEpochMilli(peer.lastAt).toString());
                state.put("consecutiveFailures", peer.failures);
                if (peer.failures > 0 && peer.lastError != null) {
                    state.put("lastError", peer.lastError);
                }
                replicas.put(peer.replicaId, state);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", degraded ? "degraded" : "ok");
        details.put("replicas", replicas);
        return details;
    }

    /** One replica asked: its meters and the outcome of the last call (guarded by this object's lock). */
    static final class Peer {

        private final String replicaId;
        private final Clock clock;
        private final Counter ok;
        private final Counter error;
        private final Counter timeout;
        private final Counter noLease;
        private final Counter lookups;
        private final Timer latency;
        private String lastOutcome = "none";
        private @Nullable String lastError;
        private volatile long lastAt;
        private int failures;

        private Peer(String replicaId, MeterRegistry registry, Clock clock) {
            this.replicaId = replicaId;
            this.clock = clock;
            this.ok = calls(registry, "ok");
            this.error = calls(registry, "error");
            this.timeout = calls(registry, "timeout");
            this.noLease = calls(registry, "no-lease");
            this.lookups = Counter.builder("hub.attribution.peer.lookups")
                    .tag("peer", replicaId)
                    .description("Lookups sent to another replica, whatever the call's outcome")
                    .register(registry);
            this.latency = Timer.builder("hub.attribution.peer.latency")
                    .tag("peer", replicaId)
                    .description("Answered calls to another replica's lookup API, from sending to the parsed answer")
                    .register(registry);
            this.lastAt = clock.millis();
        }

        private Counter calls(MeterRegistry registry, String outcome) {
            return Counter.builder("hub.attribution.peer.calls")
                    .tag("peer", replicaId)
                    .tag("outcome", outcome)
                    .description("Calls to another replica's lookup API, by outcome (no-lease: not made, the replica"
                            + " holding the hosts has no live lease)")
                    .register(registry);
        }

        private List<Meter> meters() {
            return List.of(ok, error, timeout, noLease, lookups, latency);
        }

        /** A call carrying {@code n} lookups was answered after {@code nanos}. */
        void answered(int n, long nanos) {
            ok.increment();
            lookups.increment(n);
            latency.record(nanos, TimeUnit.NANOSECONDS);
            outcome("ok", null);
        }

        /** A call carrying {@code n} lookups failed; its hosts are answered from the database. */
        void failed(int n, Throwable cause) {
            boolean timedOut = cause instanceof HttpTimeoutException;
            (timedOut ? timeout : error).increment();
            lookups.increment(n);
            outcome(timedOut ? "timeout" : "error", cause.toString());
        }

        /** No call was made: the replica holding the hosts has no live lease. */
        void noLease() {
            noLease.increment();
            outcome("no-lease", "no live lease");
        }

        private synchronized void outcome(String outcome, @Nullable String why) {
            lastOutcome = outcome;
            lastError = why;
            lastAt = clock.millis();
            failures = why == null ? 0 : failures + 1;
        }
    }
}
