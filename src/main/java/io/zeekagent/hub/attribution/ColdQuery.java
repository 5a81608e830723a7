package io.zeekagent.hub.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One grouped cold-tier probe: events received in {@code [receivedFrom, receivedTo]} whose key is one of
 * {@code connectKeys} (then also with an event time in {@code [eventFrom, eventTo]} or unknown) or one of
 * {@code bindKeys} (any event time up to {@code eventTo}, or unknown).
 *
 * @param connectKeys {@link ColdKey}s of connect-type probes (remote port set)
 * @param bindKeys {@link ColdKey}s of (host, local port) probes, which hold the bind/listen-type events
 * @param receivedFrom oldest receipt time wanted (the retention cutoff)
 * @param receivedTo newest receipt time wanted (the hot floor: later events are in memory)
 * @param eventFrom lower event-time bound of connect-type keys, or {@code null} for none
 * @param eventTo upper event-time bound of every key, or {@code null} for none
 * @param timeout longest the statement may run
 */
public record ColdQuery(
        long[] connectKeys,
        long[] bindKeys,
        Instant receivedFrom,
        Instant receivedTo,
        @Nullable Instant eventFrom,
        @Nullable Instant eventTo,
        Duration timeout) {

    /** Keys are kept sorted and distinct (binary search in {@link #selects}; the statement does not care). */
    public ColdQuery {
        connectKeys = distinct(connectKeys);
        bindKeys = distinct(bindKeys);
    }

    /**
     * Whether the statement of this query returns {@code e} (the SQL of {@code ingest.SocketEventColdStore}):
     * received within the bounds, key in {@code connectKeys} with a known event time not before {@code eventFrom},
     * or key in {@code bindKeys}; either way a known event time not after {@code eventTo}.
     */
    public boolean selects(SocketEventEntry e) {
        if (e.receivedAt().isBefore(receivedFrom) || e.receivedAt().isAfter(receivedTo)) {
            return false;
        }
        Instant t = e.time();
        if (t != null && eventTo != null && t.isAfter(eventTo)) {
            return false;
        }
        long k = ColdKey.of(e.hostId(), EventWriter.port(e.localPort()), EventWriter.port(e.remotePort()));
        if (contains(bindKeys, k)) {
            return true;
        }
        return contains(connectKeys, k) && (t == null || eventFrom == null || !t.isBefore(eventFrom));
    }

    /**
     * One query whose statement returns every row any of {@code queries} would ({@link #selects} then picks each
     * one's share): the union of the keys, the widest receipt and event-time bounds, the longest timeout.
     */
    static ColdQuery merge(List<ColdQuery> queries) {
        if (queries.size() == 1) {
            return queries.get(0);
        }
        long[] connect = new long[0];
        long[] bind = new long[0];
        Instant from = null;
        Instant to = null;
        Instant eventFrom = null;
        boolean connectUnbounded = false;
        Instant eventTo = null;
        boolean toUnbounded = false;
        Duration timeout = Duration.ZERO;
        for (ColdQuery q : queries) {
            connect = union(connect, q.connectKeys);
            bind = union(bind, q.bindKeys);
            from = from == null || q.receivedFrom.isBefore(from) ? q.receivedFrom : from;
            to = to == null || q.receivedTo.isAfter(to) ? q.receivedTo : to;
            if (q.connectKeys.length > 0) {
                if (q.eventFrom == null) {
                    connectUnbounded = true;
                } else if (eventFrom == null || q.eventFrom.isBefore(eventFrom)) {
                    eventFrom = q.eventFrom;
                }
            }
            if (q.eventTo == null) {
                toUnbounded = true;
            } else if (eventTo == null || q.eventTo.isAfter(eventTo)) {
                eventTo = q.eventTo;
            }
            timeout = q.timeout.compareTo(timeout) > 0 ? q.timeout : timeout;
        }
        return new ColdQuery(
                connect,
                bind,
                java.util.Objects.requireNonNull(from),
                java.util.Objects.requireNonNull(to),
                connectUnbounded ? null : eventFrom,
                toUnbounded ? null : eventTo,
                timeout);
    }

    private static boolean contains(long[] keys, long k) {
        return Arrays.binarySearch(keys, k) >= 0;
    }

    /** Both key sets (the constructor sorts and deduplicates). */
    private static long[] union(long[] a, long[] b) {
        if (b.length == 0) {
            return a;
        }
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The distinct keys, sorted ({@code keys} itself when it already is). */
    private static long[] distinct(long[] keys) {
        boolean ordered = true;
        for (int i = 1; i < keys.length && ordered; i++) {
            ordered = keys[i - 1] < keys[i];
        }
        if (ordered) {
            return keys;
        }
        long[] all = keys.clone();
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (n == 0 || all[n - 1] != all[i]) {
                all[n++] = all[i];
            }
        }
        return Arrays.copyOf(all, n);
    }
}
