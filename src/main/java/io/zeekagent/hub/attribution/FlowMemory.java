package io.zeekagent.hub.attribution;

import java.time.Duration;
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
 * forgets flows not seen within the TTL. About 120 bytes a flow at the cap (80 in the ring, which has a quarter's slack, and the table); the
 * arrays grow by doubling up to it. Thread-safe (one lock).
 */
final class FlowMemory {

    private static final int FIRST_CAPACITY = 1024;
    private static final int KEY_A = 0;
    private static final int KEY_B = 1;
    private static final int KEY_C = 2;
    private static final int ORIG_HI = 3;
    private static final int ORIG_LO = 4;
    private static final int RESP_HI = 5;
    private static final int RESP_LO = 6;
    private static final int TS = 7;
    private static final int SEEN = 8;
    private static final int FLAGS = 9;
    private static final int STRIDE = 10;
    private static final long LIVE = 0x100;
    private final int maxEntries;
    /** The ring's full length: the cap plus a slack of dead slots, squeezed out when the ring is full. */
    private final int ringLength;

    private final long ttlMillis;
    /**
     * The ring, one flow a stride of longs so that a flow is two cache lines: key (3 words, the third with the ports
     * in its high half), the tuple's four address words, its start, when last seen, and transport plus a live flag.
     * A slot is dead once its flow moved on or was forgotten.
     */
    private long[] data = new long[0];

    private int capacity;
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
        if (maxEntries == 0 || communityId == null || !CommunityIdText.isValid(communityId)) {
            return;
        }
        long a = CommunityIdText.word(communityId, 0);
        long b = CommunityIdText.word(communityId, 8);
        int c = (int) CommunityIdText.word(communityId, 12);
        synchronized (this) {
            int at = locate(a, b, c);
            if (at >= 0) {
                int slot = table[at] - 1;
                if (slot == newestSlot()) {
                    write(slot, a, b, c, t, nowMillis);
                    return;
                }
                kill(slot);
                size--;
                delete(at);
            }
            if (used == capacity) {
                // Grow, or (at full size) squeeze out the slots of flows that moved on: at least the slack's worth.
                rebuild(Math.min(ringLength, Math.max(FIRST_CAPACITY, capacity * 2)));
            }
            int slot = (tail + used) % capacity;
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
        if (!CommunityIdText.isValid(communityId)) {
            return null;
        }
        long a = CommunityIdText.word(communityId, 0);
        long b = CommunityIdText.word(communityId, 8);
        int c = (int) CommunityIdText.word(communityId, 12);
        synchronized (this) {
            int at = maxEntries == 0 ? -1 : locate(a, b, c);
            if (at < 0) {
                misses++;
                return null;
            }
            hits++;
            int d = (table[at] - 1) * STRIDE;
            int ports = (int) (data[d + KEY_C] >>> 32);
            return new ConnectionTuple(
                    data[d + ORIG_HI],
                    data[d + ORIG_LO],
                    ports >>> 16,
                    data[d + RESP_HI],
                    data[d + RESP_LO],
                    ports & 0xFFFF,
                    (int) (data[d + FLAGS] & 0xFF),
                    data[d + TS]);
        }
    }

    /** Forgets the flows last seen before {@code nowMillis - ttl}; returns how many. */
    synchronized int evictOlderThan(long nowMillis) {
        long cutoff = nowMillis - ttlMillis;
        int n = 0;
        while (used > 0 && (!live(tail) || data[tail * STRIDE + SEEN] < cutoff)) {
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

    private int newestSlot() {
        return (tail + used - 1) % capacity;
    }

    private boolean live(int slot) {
        return (data[slot * STRIDE + FLAGS] & LIVE) != 0;
    }

    private void kill(int slot) {
        data[slot * STRIDE + FLAGS] &= ~LIVE;
    }

    private void write(int slot, long a, long b, int c, ConnectionTuple t, long nowMillis) {
        int d = slot * STRIDE;
        int ports = (t.origPort() << 16) | (t.respPort() & 0xFFFF);
        data[d + KEY_A] = a;
        data[d + KEY_B] = b;
        data[d + KEY_C] = ((long) ports << 32) | (c & 0xFFFF_FFFFL);
        data[d + ORIG_HI] = t.origHi();
        data[d + ORIG_LO] = t.origLo();
        data[d + RESP_HI] = t.respHi();
        data[d + RESP_LO] = t.respLo();
        data[d + TS] = t.tsMillis();
        data[d + SEEN] = nowMillis;
        data[d + FLAGS] = LIVE | (t.transport() & 0xFF);
    }

    /** Forgets the oldest ring slot; returns whether it held a flow (counted by age or by capacity). */
    private boolean dropTail(boolean byAge) {
        boolean held = live(tail);
        if (held) {
            int d = tail * STRIDE;
            delete(locate(data[d + KEY_A], data[d + KEY_B], (int) data[d + KEY_C]));
            kill(tail);
            size--;
            if (byAge) {
                evictedByAge++;
            } else {
                evictedByCapacity++;
            }
        }
        tail = (tail + 1) % capacity;
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
            int d = (entry - 1) * STRIDE;
            if (data[d + KEY_A] == a && data[d + KEY_B] == b && (int) data[d + KEY_C] == c) {
                return i;
            }
        }
    }

    private void insert(int slot) {
        int mask = table.length - 1;
        int i = home(data[slot * STRIDE + KEY_A]);
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
            int k = home(data[(table[j] - 1) * STRIDE + KEY_A]);
            boolean stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
            if (!stays) {
                table[i] = table[j];
                i = j;
            }
        }
        table[i] = 0;
    }

    /** Lays the live flows out from slot 0, in order, in a ring of {@code newCapacity}; rebuilds the table. */
    private void rebuild(int newCapacity) {
        long[] to = new long[newCapacity * STRIDE];
        int n = 0;
        for (int k = 0; k < used; k++) {
            int slot = (tail + k) % capacity;
            if (live(slot)) {
                System.arraycopy(data, slot * STRIDE, to, n++ * STRIDE, STRIDE);
            }
        }
        data = to;
        capacity = newCapacity;
        tail = 0;
        used = n;
        table = new int[Integer.highestOneBit(Math.max(2, newCapacity) * 2 - 1) * 2];
        for (int slot = 0; slot < used; slot++) {
            insert(slot);
        }
    }
}
