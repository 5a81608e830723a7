package io.zeekagent.hub.attribution;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Answers {@link HostLookup}s from this replica's tiers: the host's events in memory and, where memory may no
 * longer hold what the rules need, in the database — {@link TieredAttributor}'s decision per side, restricted to
 * one host. A group of lookups costs at most one cold statement. With a forced reason (the host's index is being
 * rebalanced here, or its owner cannot be asked) memory is not trusted to be complete: the database is asked for
 * everything within retention and the reason is reported. Thread-safe.
 */
final class HostAttributor {

    private final TieredAttributor tiers;

    HostAttributor(TieredAttributor tiers) {
        this.tiers = tiers;
    }

    /**
     * Attributes the first {@code n} lookups, each into its collector (ordered by time) and completeness.
     *
     * @param forcedReason 0, or {@link Completeness} reason bits to report while asking the database for all of
     *     retention
     */
    void attribute(
            List<HostLookup> lookups, List<MatchCollector> outs, List<Completeness> states, int n, int forcedReason) {
        AttributionIndex index = tiers.index();
        long now = tiers.clock().millis();
        long cutoff = now - index.retentionMillis();
        boolean force = forcedReason != 0;
        long floor = force ? now : index.hotFloor();
        long window = index.windowMillis();
        long skew = tiers.clockSkewMillis();
        boolean pending = tiers.backlogPending();
        LinkedHashSet<Long> connect = new LinkedHashSet<>();
        LinkedHashSet<Long> bind = new LinkedHashSet<>();
        int[] probed = new int[n];
        long eventFrom = Long.MAX_VALUE;
        long eventTo = Long.MIN_VALUE;
        boolean unbounded = false;
        for (int k = 0; k < n; k++) {
            HostLookup lookup = lookups.get(k);
            ConnectionTuple c = lookup.tuple();
            MatchCollector out = outs.get(k);
            Completeness state = states.get(k);
            out.clear();
            state.clear();
            state.reasons |= forcedReason;
            index.attributeHost(c, lookup.hostId(), lookup.sides(), out);
            long ts = c.tsMillis();
            boolean known = ts != ConnectionTuple.UNKNOWN_TIME;
            if (known && ts < cutoff) {
                state.reasons |= Completeness.RETENTION;
            }
            if (pending && (!known || ts + window + skew >= now)) {
                state.reasons |= Completeness.INGEST_BACKLOG;
            }
            if (!force && floor < cutoff) {
                continue; // nothing evicted by count within retention: memory holds all the rules can need
            }
            boolean connectNeed = force || !known || floor >= ts - window - skew;
            for (byte side = MatchCollector.ORIG; side <= MatchCollector.RESP; side++) {
                if ((lookup.sides() & (1 << side)) == 0) {
                    continue;
                }
                int localPort = side == MatchCollector.ORIG ? c.origPort() : c.respPort();
                int remotePort = side == MatchCollector.ORIG ? c.respPort() : c.origPort();
                String host = lookup.hostId();
                boolean bindNeed = localPort != 0 && (force || index.lostBindAt(host, localPort) >= cutoff);
                if (!connectNeed && !bindNeed) {
                    continue;
                }
                probed[k] |= 1 << side;
                if (connectNeed && remotePort != 0) {
                    connect.add(ColdKey.of(host, localPort, remotePort));
                    if (localPort != 0) {
                        connect.add(ColdKey.of(host, 0, remotePort));
                    }
                }
                if (localPort != 0) {
                    bind.add(ColdKey.of(host, localPort, 0));
                }
            }
            if (probed[k] != 0) {
                if (known) {
                    eventFrom = Math.min(eventFrom, ts - window);
                    eventTo = Math.max(eventTo, ts + window);
                } else {
                    unbounded = true;
                }
                if (!tiers.coldEnabled()) {
                    state.reasons |= Completeness.COLD_DISABLED;
                }
            }
        }
        if ((!connect.isEmpty() || !bind.isEmpty()) && tiers.coldEnabled()) {
            List<SocketEventEntry> rows = tiers.coldRows(
                    connect.stream().mapToLong(Long::longValue).toArray(),
                    bind.stream().mapToLong(Long::longValue).toArray(),
                    cutoff,
                    floor,
                    unbounded || eventFrom == Long.MAX_VALUE ? null : java.time.Instant.ofEpochMilli(eventFrom),
                    unbounded || eventTo == Long.MIN_VALUE ? null : java.time.Instant.ofEpochMilli(eventTo));
            ColdMatcher matcher = rows == null ? null : new ColdMatcher(rows, window, index);
            for (int k = 0; k < n; k++) {
                if (probed[k] == 0) {
                    continue;
                }
                if (matcher == null) {
                    states.get(k).reasons |= Completeness.COLD_UNAVAILABLE;
                } else {
                    HostLookup lookup = lookups.get(k);
                    if (matcher.match(lookup.tuple(), probed[k], lookup.hostId(), outs.get(k)) > 0) {
                        states.get(k).tiers |= Completeness.DATABASE;
                    }
                }
            }
        }
        for (int k = 0; k < n; k++) {
            MatchCollector out = outs.get(k);
            if (out.size() > out.coldMatches()) {
                states.get(k).tiers |= Completeness.MEMORY;
            }
            out.sortByTime();
        }
    }
}
