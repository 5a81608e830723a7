package io.zeekagent.hub.attribution;

import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Community ID → the flow's 5-tuple and start, for the flows the hub has attributed (batch, single record, live
 * Zeek), so a SOAR tool holding only a {@code community_id} can ask later. The hash is one-way: only a flow seen
 * with its tuple can be found again.
 *
 * <p>Bounded and allocation-free per flow, since every batch line passes here: flows live in parallel primitive
 * arrays used as a ring in last-seen order (a flow seen again moves to the young end; its old slot is left dead and
 * squeezed out when the ring is full), found through an open-addressing table of slot numbers keyed by the hash's
 * first 64 bits. Least recently seen first out: at most {@code maxEntries} flows, and {@link #evictOlderThan}
 * forgets flows not seen within the TTL. About 100 bytes a flow at the cap (the ring has a quarter's slack); the
 * arrays grow by doubling up to it. Thread-safe (one lock).
 */
final class FlowMemory {

    private static final int FIRST_CAPACITY = 1024;
    private static final byte[] BASE64 = new byte[128];

    static {
        Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
    }

    private final int maxEntries;
    /** The ring's full length: the cap plus a slack of dead slots, squeezed out when the ring is full. */
    private final int ringLength;

    private final long ttlMillis;
    // The ring: slot = position modulo capacity; live[] false for a slot whose flow moved on or was forgotten.
    private long[] keyA = new long[0];
    private long[] keyB = new long[0];
    private int[] keyC = new int[0];
    private long[] origHi = new long[0];
    private long[] origLo = new long[0];
    private long[] respHi = new long[0];
    private long[] respLo = new long[0];
    private int[] ports = new int[0];
    private byte[] transport = new byte[0];
    private long[] tsMillis = new long[0];
    private long[] seenMillis = new long[0];
    private boolean[] live = new boolean[0];
    /** Open addressing, linear probing: slot + 1, 0 = empty. At most half full. */
    private int[] table = new int[0];

    private int tail;
    private int used;
    private int size;
    private long evictedByCapacity;
    private long evictedByAge;
    private long hits;
    private long misses;

    FlowMemory(int maxEntries, Duration ttl) {
        this.maxEntries = Math.max(0, maxEntries);
        this.ringLength = this.maxEntries + Math.max(16, this.maxEntries / 4);
        this.ttlMillis = ttl.toMillis();
    }

    /** Remembers nothing: every look-up misses. */
    static FlowMemory disabled() {
        return new FlowMemory(0, Duration.ZERO);
    }

    boolean enabled() {
        return maxEntries > 0;
    }

    /** Remembers (or refreshes) a flow under its Community ID; ignored when off or the ID is not v1 base64. */
    void remember(@Nullable String communityId, ConnectionTuple t, long nowMillis) {
        if (maxEntries == 0 || communityId == null || !wellFormed(communityId)) {
            return;
        }
        long a = decode(communityId, 0);
        long b = decode(communityId, 8);
        int c = (int) decode(communityId, 12);
        synchronized (this) {
            int at = locate(a, b, c);
            if (at >= 0) {
                int slot = table[at] - 1;
                if (slot == newestSlot()) {
                    write(slot, a, b, c, t, nowMillis);
                    return;
                }
                live[slot] = false;
                size--;
                delete(at);
            }
            if (used == live.length) {
                // Grow, or (at full size) squeeze out the slots of flows that moved on: at least the slack's worth.
                rebuild(Math.min(ringLength, Math.max(FIRST_CAPACITY, live.length * 2)));
            }
            int slot = (tail + used) % live.length;
            used++;
            size++;
            write(slot, a, b, c, t, nowMillis);
            insert(slot);
            while (size > maxEntries) {
                dropTail(false);
            }
        }
    }

    /** The remembered tuple (its {@code tsMillis} is the flow's start as seen), or {@code null}. */
    @Nullable
    ConnectionTuple find(String communityId) {
        if (!wellFormed(communityId)) {
            return null;
        }
        long a = decode(communityId, 0);
        long b = decode(communityId, 8);
        int c = (int) decode(communityId, 12);
        synchronized (this) {
            int at = maxEntries == 0 ? -1 : locate(a, b, c);
            if (at < 0) {
                misses++;
                return null;
            }
            hits++;
            int s = table[at] - 1;
            return new ConnectionTuple(
                    origHi[s],
                    origLo[s],
                    ports[s] >>> 16,
                    respHi[s],
                    respLo[s],
                    ports[s] & 0xFFFF,
                    transport[s],
                    tsMillis[s]);
        }
    }

    /** Forgets the flows last seen before {@code nowMillis - ttl}; returns how many. */
    synchronized int evictOlderThan(long nowMillis) {
        long cutoff = nowMillis - ttlMillis;
        int n = 0;
        while (used > 0 && (!live[tail] || seenMillis[tail] < cutoff)) {
            if (dropTail(true)) {
                n++;
            }
        }
        return n;
    }

    synchronized int size() {
        return size;
    }

    synchronized long evictedByCapacity() {
        return evictedByCapacity;
    }

    synchronized long evictedByAge() {
        return evictedByAge;
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
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
     * Whether {@code text} is a Community ID v1 in base64: {@code 1:}, 27 base64 characters and {@code =}, which is
     * exactly the 20 bytes of a SHA-1 (the two bits past them zero, as every encoder writes them).
     */
    static boolean isValid(String text) {
        return wellFormed(text);
    }

    private static boolean wellFormed(String text) {
        if (text.length() != 30 || text.charAt(0) != '1' || text.charAt(1) != ':' || text.charAt(29) != '=') {
            return false;
        }
        for (int i = 2; i < 29; i++) {
            char ch = text.charAt(i);
            if (ch >= 128 || BASE64[ch] < 0) {
                return false;
            }
        }
        return (BASE64[text.charAt(28)] & 0x3) == 0;
    }

    /** Bytes {@code [from, from + 8)} of the hash as a big-endian long, read straight from the base64 text. */
    private static long decode(String text, int from) {
        long v = 0;
        for (int k = from; k < from + 8; k++) {
            int bit = 8 * k;
            int ci = 2 + bit / 6;
            int pair = (BASE64[text.charAt(ci)] << 6) | BASE64[text.charAt(ci + 1)];
            v = (v << 8) | ((pair >> (4 - bit % 6)) & 0xFF);
        }
        return v;
    }

    private int newestSlot() {
        return (tail + used - 1) % live.length;
    }

    private void write(int s, long a, long b, int c, ConnectionTuple t, long nowMillis) {
        keyA[s] = a;
        keyB[s] = b;
        keyC[s] = c;
        origHi[s] = t.origHi();
        origLo[s] = t.origLo();
        respHi[s] = t.respHi();
        respLo[s] = t.respLo();
        ports[s] = (t.origPort() << 16) | (t.respPort() & 0xFFFF);
        transport[s] = (byte) t.transport();
        tsMillis[s] = t.tsMillis();
        seenMillis[s] = nowMillis;
        live[s] = true;
    }

    /** Forgets the oldest ring slot; returns whether it held a flow (counted by age or by capacity). */
    private boolean dropTail(boolean byAge) {
        boolean held = live[tail];
        if (held) {
            delete(locate(keyA[tail], keyB[tail], keyC[tail]));
            live[tail] = false;
            size--;
            if (byAge) {
                evictedByAge++;
            } else {
                evictedByCapacity++;
            }
        }
        tail = (tail + 1) % live.length;
        used--;
        return held;
    }

    private int home(long a) {
        return (int) (a ^ (a >>> 32)) & (table.length - 1);
    }

    /** The table position holding this key, or -1. */
    private int locate(long a, long b, int c) {
        if (table.length == 0) {
            return -1;
        }
        int mask = table.length - 1;
        for (int i = home(a); ; i = (i + 1) & mask) {
            int entry = table[i];
            if (entry == 0) {
                return -1;
            }
            int s = entry - 1;
            if (keyA[s] == a && keyB[s] == b && keyC[s] == c) {
                return i;
            }
        }
    }

    private void insert(int slot) {
        int mask = table.length - 1;
        int i = home(keyA[slot]);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = slot + 1;
    }

    /** Backward-shift deletion, so that probes never need tombstones. */
    private void delete(int i) {
        int mask = table.length - 1;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (table[j] == 0) {
                break;
            }
            int k = home(keyA[table[j] - 1]);
            boolean stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
            if (!stays) {
                table[i] = table[j];
                i = j;
            }
        }
        table[i] = 0;
    }

    /** Lays the live flows out from slot 0, in order, in a ring of {@code capacity}; rebuilds the table. */
    private void rebuild(int capacity) {
        int[] order = new int[size];
        int n = 0;
        for (int k = 0; k < used; k++) {
            int s = (tail + k) % live.length;
            if (live[s]) {
                order[n++] = s;
            }
        }
        keyA = reorder(keyA, order, capacity);
        keyB = reorder(keyB, order, capacity);
        keyC = reorder(keyC, order, capacity);
        origHi = reorder(origHi, order, capacity);
        origLo = reorder(origLo, order, capacity);
        respHi = reorder(respHi, order, capacity);
        respLo = reorder(respLo, order, capacity);
        ports = reorder(ports, order, capacity);
        tsMillis = reorder(tsMillis, order, capacity);
        seenMillis = reorder(seenMillis, order, capacity);
        byte[] t = new byte[capacity];
        for (int k = 0; k < size; k++) {
            t[k] = transport[order[k]];
        }
        transport = t;
        live = new boolean[capacity];
        Arrays.fill(live, 0, size, true);
        tail = 0;
        used = size;
        table = new int[Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2];
        for (int slot = 0; slot < used; slot++) {
            insert(slot);
        }
    }

    private static long[] reorder(long[] from, int[] order, int capacity) {
        long[] to = new long[capacity];
        for (int k = 0; k < order.length; k++) {
            to[k] = from[order[k]];
        }
        return to;
    }

    private static int[] reorder(int[] from, int[] order, int capacity) {
        int[] to = new int[capacity];
        for (int k = 0; k < order.length; k++) {
            to[k] = from[order[k]];
        }
        return to;
    }
}
