package io.zeekagent.hub.attribution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers connections from memory and, where memory may no longer hold what the rules need, from the database
 * too (docs/attribution.md "Tiers"). Decides per side: connect-type events are needed within the connect window
 * of {@code ts}, so memory alone is complete when the hot floor is older than {@code ts − window − skew};
 * bind-type events of any age, so memory is complete for a (host, local port) unless one of its binds was dropped
 * within retention. Database rows go through the same {@link Rules} as memory's and are deduplicated by seuid.
 * A group of connections costs one statement. Thread-safe.
 */
final class TieredAttributor implements ConnectionAttributor {

    private static final Logger log = LoggerFactory.getLogger(TieredAttributor.class);

    private final AttributionIndex index;
    private final @Nullable ColdEventSource cold;
    private final ColdTierProperties properties;
    private final IngestBacklog backlog;
    private final AttributionMetrics metrics;
    private final Clock clock;
    /** Connect window plus clock skew: how recent a connection is for events of it to still be in the writer. */
    private final long backlogSlackMillis;

    private volatile HostReplay replay = HostReplay.NONE;
    private volatile long retryAt = Long.MIN_VALUE;

    TieredAttributor(
            AttributionIndex index,
            @Nullable ColdEventSource cold,
            ColdTierProperties properties,
            IngestBacklog backlog,
            AttributionMetrics metrics,
            Clock clock) {
        this.index = index;
        this.cold = cold;
        this.properties = properties;
        this.backlog = backlog;
        this.metrics = metrics;
        this.clock = clock;
        this.backlogSlackMillis = index.windowMillis() + properties.clockSkew().toMillis();
    }

    /** Memory only, no metrics: the cold tier is off ({@code cold-tier-disabled} when it would be needed). */
    static TieredAttributor memoryOnly(AttributionIndex index) {
        return new TieredAttributor(
                index,
                null,
                new ColdTierProperties(
                        false, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(5), 0, 6, 500, 2),
                () -> false,
                new AttributionMetrics(null),
                CoarseClock.utc());
    }

    /** Hub replicas: who tells whether a host's partition is still replaying here ({@code rebalancing}). */
    void replay(HostReplay replay) {
        this.replay = replay;
    }

    boolean coldEnabled() {
        return cold != null;
    }

    AttributionIndex index() {
        return index;
    }

    Clock clock() {
        return clock;
    }

    long clockSkewMillis() {
        return properties.clockSkew().toMillis();
    }

    boolean backlogPending() {
        return backlog.pending();
    }

    AttributionMetrics metrics() {
        return metrics;
    }

    /** Whether any lookup may need the database now: some event was evicted by count within retention. */
    @Override
    public boolean mayNeedCold() {
        return index.hotFloor() >= clock.millis() - index.retentionMillis();
    }

    /**
     * One connection. When memory holds everything the rules can need (nothing evicted by count within retention, no
     * partition replaying) this is the index lookup plus the completeness flags, without the group bookkeeping of
     * {@link #attributeAll}: the hot path stays within a few percent of the index alone (issue 16).
     */
    @Override
    public void attribute(ConnectionTuple c, MatchCollector out, Completeness state) {
        long now = clock.millis();
        long cutoff = now - index.retentionMillis();
        if (index.hotFloor() >= cutoff || replay.any()) {
            attributeAll(List.of(c), List.of(out), List.of(state), 1);
            return;
        }
        index.attribute(c, out);
        long ts = c.tsMillis();
        int reasons = 0;
        if (ts == ConnectionTuple.UNKNOWN_TIME) {
            reasons = backlog.pending() ? Completeness.INGEST_BACKLOG : 0;
        } else {
            if (ts < cutoff) {
                reasons = Completeness.RETENTION;
            }
            // The time first: the backlog check reads the writer's queue (a lock), and older connections never
            // need it.
            if (ts + backlogSlackMillis >= now && backlog.pending()) {
                reasons |= Completeness.INGEST_BACKLOG;
            }
        }
        state.reasons = reasons;
        state.tiers = out.size() > out.coldMatches() ? Completeness.MEMORY : 0;
        // index.attribute leaves the matches in time order and nothing was added since: no second sort here.
        metrics.record(state);
    }

    /** Attributes the first {@code n} connections, with one cold statement for all that need one. */
    @Override
    public void attributeAll(
            List<ConnectionTuple> tuples, List<MatchCollector> outs, List<Completeness> states, int n) {
        long now = clock.millis();
        long cutoff = now - index.retentionMillis();
        long floor = index.hotFloor();
        long window = index.windowMillis();
        long skew = properties.clockSkew().toMillis();
        boolean pending = backlog.pending();
        HostReplay replaying = replay;
        boolean rebalancing = replaying.any();
        ColdProbes probes = null;
        for (int q = 0; q < n; q++) {
            ConnectionTuple c = tuples.get(q);
            Completeness state = states.get(q);
            state.clear();
            index.attribute(c, outs.get(q));
            long ts = c.tsMillis();
            boolean known = ts != ConnectionTuple.UNKNOWN_TIME;
            if (known && ts < cutoff) {
                state.reasons |= Completeness.RETENTION;
            }
            if (pending && (!known || ts + window + skew >= now)) {
                state.reasons |= Completeness.INGEST_BACKLOG;
            }
            if (floor < cutoff && !rebalancing) {
                // Nothing was evicted by count within retention (every dropped bind is older than the floor too):
                // memory holds all the rules can need. The hot path stops here.
                continue;
            }
            boolean connectNeed = !known || floor >= ts - window - skew;
            int before = probes == null ? 0 : probes.size();
            probes = side(
                    probes,
                    q,
                    MatchCollector.ORIG,
                    c.origHi(),
                    c.origLo(),
                    c.origPort(),
                    c.respPort(),
                    connectNeed,
                    cutoff,
                    rebalancing ? replaying : null,
                    state);
            probes = side(
                    probes,
                    q,
                    MatchCollector.RESP,
                    c.respHi(),
                    c.respLo(),
                    c.respPort(),
                    c.origPort(),
                    connectNeed,
                    cutoff,
                    rebalancing ? replaying : null,
                    state);
            if (probes != null && probes.size() > before) {
                probes.bound(ts, window);
                if (cold == null) {
                    state.reasons |= Completeness.COLD_DISABLED;
                }
            }
        }
        if (probes != null && cold != null) {
            // A replaying host's events of any receipt time may be missing from memory, not only those below the floor.
            List<SocketEventEntry> rows = query(probes, cutoff, probes.replaying ? now : floor);
            if (rows == null) {
                for (int q : probes.tuples()) {
                    states.get(q).reasons |= Completeness.COLD_UNAVAILABLE;
                }
            } else {
                ColdMatcher matcher = new ColdMatcher(rows, window, index);
                for (int q : probes.tuples()) {
                    if (matcher.match(tuples.get(q), probes.sides(q), outs.get(q)) > 0) {
                        states.get(q).tiers |= Completeness.DATABASE;
                    }
                }
            }
        }
        for (int q = 0; q < n; q++) {
            MatchCollector out = outs.get(q);
            Completeness state = states.get(q);
            if (out.size() > out.coldMatches()) {
                state.tiers |= Completeness.MEMORY;
            }
            out.sortByTime();
            metrics.record(state);
        }
    }

    private @Nullable ColdProbes side(
            @Nullable ColdProbes probes,
            int q,
            byte side,
            long hi,
            long lo,
            int localPort,
            int remotePort,
            boolean sideConnectNeed,
            long cutoff,
            @Nullable HostReplay replaying,
            Completeness state) {
        List<String> hosts = index.hostIds(hi, lo);
        ColdProbes p = probes;
        for (String host : hosts) {
            boolean hostReplaying = replaying != null && replaying.replaying(host);
            boolean connectNeed = sideConnectNeed || hostReplaying;
            boolean bindNeed = localPort != 0 && (hostReplaying || index.lostBindAt(host, localPort) >= cutoff);
            if (!connectNeed && !bindNeed) {
                continue;
            }
            if (p == null) {
                p = new ColdProbes();
            }
            if (hostReplaying) {
                state.reasons |= Completeness.REBALANCING;
                p.replaying = true;
            }
            p.add(q, side);
            if (connectNeed && remotePort != 0) {
                p.connect(ColdKey.of(host, localPort, remotePort));
                if (localPort != 0) {
                    p.connect(ColdKey.of(host, 0, remotePort));
                }
            }
            if (localPort != 0) {
                p.bind(ColdKey.of(host, localPort, 0));
            }
        }
        return p;
    }

    private @Nullable List<SocketEventEntry> query(ColdProbes probes, long cutoff, long floor) {
        return coldRows(probes.connectKeys(), probes.bindKeys(), cutoff, floor, probes.eventFrom(), probes.eventTo());
    }

    /** One cold statement, or null when the database is off, failing, or waiting out a recent failure. */
    @Nullable
    List<SocketEventEntry> coldRows(
            long[] connectKeys,
            long[] bindKeys,
            long cutoff,
            long floor,
            @Nullable Instant eventFrom,
            @Nullable Instant eventTo) {
        if (cold == null || clock.millis() < retryAt) {
            return null;
        }
        ColdQuery query = new ColdQuery(
                connectKeys,
                bindKeys,
                Instant.ofEpochMilli(cutoff),
                Instant.ofEpochMilli(floor),
                eventFrom,
                eventTo,
                properties.timeout());
        try {
            return java.util.Objects.requireNonNull(cold).find(query);
        } catch (RuntimeException e) {
            retryAt = clock.millis() + properties.retryInterval().toMillis();
            log.warn(
                    "Cold tier unavailable, answering from memory for {}: {}",
                    properties.retryInterval(),
                    e.toString());
            return null;
        }
    }
}
