package io.zeekagent.hub.attribution;

import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Community ID → the flow's 5-tuple and start, for the flows the hub has attributed (batch, single record, live
 * Zeek), so a SOAR tool holding only a {@code community_id} can ask later. The hash is one-way: only a flow seen
 * with its tuple can be found again. Bounded: at most {@code maxEntries} flows, the least recently seen forgotten
 * first, and none older than the TTL after {@link #evictOlderThan}. About 150 bytes a flow (a 20-byte key and the
 * tuple, in a linked hash map). Thread-safe (one lock; a put is a few hundred nanoseconds).
 */
final class FlowMemory {

    /** A Community ID's 20 hash bytes. */
    private record Key(long a, long b, int c) {}

    /** A flow as seen: its tuple (with its start) and when the hub last saw it. */
    private record Flow(ConnectionTuple tuple, long seenMillis) {}

    private final int maxEntries;
    private final long ttlMillis;
    private final LinkedHashMap<Key, Flow> flows = new LinkedHashMap<>(1024, 0.75f, false);
    private long evictedByCapacity;
    private long evictedByAge;
    private long hits;
    private long misses;

    FlowMemory(int maxEntries, java.time.Duration ttl) {
        this.maxEntries = maxEntries;
        this.ttlMillis = ttl.toMillis();
    }

    /** Remembers nothing: every look-up misses. */
    static FlowMemory disabled() {
        return new FlowMemory(0, java.time.Duration.ZERO);
    }

    boolean enabled() {
        return maxEntries > 0;
    }

    /** Remembers (or refreshes) a flow under its Community ID; ignored when off or the ID is not v1 base64. */
    void remember(@Nullable String communityId, ConnectionTuple tuple, long nowMillis) {
        if (maxEntries <= 0 || communityId == null) {
            return;
        }
        Key key = key(communityId);
        if (key == null) {
            return;
        }
        synchronized (flows) {
            // Remove first so a refreshed flow moves to the young end: the map's order is last-seen order.
            flows.remove(key);
            flows.put(key, new Flow(tuple, nowMillis));
            if (flows.size() > maxEntries) {
                Iterator<Flow> oldest = flows.values().iterator();
                oldest.next();
                oldest.remove();
                evictedByCapacity++;
            }
        }
    }

    /** The remembered tuple (its {@code tsMillis} is the flow's start as seen), or {@code null}. */
    @Nullable
    ConnectionTuple find(String communityId) {
        Key key = key(communityId);
        synchronized (flows) {
            Flow flow = key == null ? null : flows.get(key);
            if (flow == null) {
                misses++;
                return null;
            }
            hits++;
            return flow.tuple();
        }
    }

    /** Forgets the flows last seen before {@code nowMillis - ttl}; returns how many. */
    int evictOlderThan(long nowMillis) {
        long cutoff = nowMillis - ttlMillis;
        int n = 0;
        synchronized (flows) {
            Iterator<Flow> it = flows.values().iterator();
            while (it.hasNext() && it.next().seenMillis() < cutoff) {
                it.remove();
                n++;
            }
            evictedByAge += n;
        }
        return n;
    }

    int size() {
        synchronized (flows) {
            return flows.size();
        }
    }

    long evictedByCapacity() {
        synchronized (flows) {
            return evictedByCapacity;
        }
    }

    long evictedByAge() {
        synchronized (flows) {
            return evictedByAge;
        }
    }

    long hits() {
        synchronized (flows) {
            return hits;
        }
    }

    long misses() {
        synchronized (flows) {
            return misses;
        }
    }

    /** The Community ID of a tuple (seed 0), or {@code null} for a transport without one. */
    static @Nullable String communityIdOf(ConnectionTuple c, CommunityId hasher) {
        int protocol = Transport.ianaNumber(c.transport(), io.zeekagent.hub.net.IpAddress.isV4(c.origHi(), c.origLo()));
        if (protocol < 0) {
            return null;
        }
        return hasher.of(protocol, c.origHi(), c.origLo(), c.respHi(), c.respLo(), c.origPort(), c.respPort());
    }

    /**
     * Whether {@code text} is a Community ID v1 in base64: {@code 1:} and 28 base64 characters that decode to the
     * 20 bytes of a SHA-1.
     */
    static boolean isValid(String text) {
        return key(text) != null;
    }

    private static @Nullable Key key(String text) {
        if (text.length() != 30 || text.charAt(0) != '1' || text.charAt(1) != ':' || text.charAt(29) != '=') {
            return null;
        }
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(text.substring(2));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (hash.length != 20) {
            return null;
        }
        return new Key(longAt(hash, 0), longAt(hash, 8), (int) (longAt(hash, 12) & 0xFFFF_FFFFL));
    }

    private static long longAt(byte[] b, int offset) {
        long v = 0;
        for (int i = offset; i < offset + 8; i++) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }
}
