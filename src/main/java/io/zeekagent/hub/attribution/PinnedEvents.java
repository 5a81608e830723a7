package io.zeekagent.hub.attribution;

import java.util.Arrays;

/**
 * Listener pins: the newest bind/listen-type event of each (host, local port) that count eviction removed from the
 * {@link EventLog}, kept here until retention expires it or a newer bind of the same key arrives. Pins live in
 * {@link EventSegment} slots (same layout, so matching code is shared), found by the event's index key. Not
 * thread-safe; the index's lock guards it.
 */
final class PinnedEvents {

    private final LongLongMap slots = new LongLongMap(256);
    private EventSegment[] segments = new EventSegment[1];
    private long[] keys = new long[EventSegment.SIZE];
    private int[] free = new int[64];
    private int freeCount;
    private int next;
    private int size;

    int size() {
        return size;
    }

    /** The slot pinned under {@code key}, or {@link LongLongMap#MISSING}. */
    long get(long key) {
        return size == 0 ? LongLongMap.MISSING : slots.get(key);
    }

    EventSegment segment(long slot) {
        return segments[(int) (slot >>> EventSegment.SHIFT)];
    }

    /** Pins a copy of slot {@code i} of {@code from} under {@code key}, replacing any older pin of that key. */
    void pin(long key, EventSegment from, int i) {
        remove(key);
        int slot = freeCount > 0 ? free[--freeCount] : next++;
        int seg = slot >>> EventSegment.SHIFT;
        if (seg >= segments.length) {
            segments = Arrays.copyOf(segments, segments.length * 2);
        }
        if (segments[seg] == null) {
            segments[seg] = new EventSegment();
        }
        if (slot >= keys.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
        }
        EventSegment to = segments[seg];
        int j = slot & EventSegment.MASK;
        System.arraycopy(from.hot, i * EventSegment.STRIDE, to.hot, j * EventSegment.STRIDE, EventSegment.STRIDE);
        EventSegment.link(to.hot, j * EventSegment.STRIDE, 0, -1);
        to.seuidHi[j] = from.seuidHi[i];
        to.seuidLo[j] = from.seuidLo[i];
        to.host[j] = from.host[i];
        to.receivedAt(j, from.receivedAt(i));
        to.pid[j] = from.pid[i];
        to.process[j] = from.process[i];
        keys[slot] = key;
        slots.put(key, slot);
        size++;
    }

    /** Drops the pin of {@code key}, if any (a newer bind of that key is in the log again). */
    void remove(long key) {
        long slot = get(key);
        if (slot == LongLongMap.MISSING) {
            return;
        }
        slots.remove(key);
        release((int) slot);
    }

    /** Drops pins received before {@code cutoff}; returns how many. */
    int evictBefore(long cutoff) {
        int evicted = 0;
        for (int slot = 0; slot < next && size > 0; slot++) {
            EventSegment s = segments[slot >>> EventSegment.SHIFT];
            int j = slot & EventSegment.MASK;
            long received = s.receivedAt(j);
            if (received != Long.MIN_VALUE && received < cutoff) {
                slots.remove(keys[slot]);
                release(slot);
                evicted++;
            }
        }
        return evicted;
    }

    private void release(int slot) {
        segments[slot >>> EventSegment.SHIFT].receivedAt(slot & EventSegment.MASK, Long.MIN_VALUE);
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
        size--;
    }

    /** Approximate heap bytes. */
    long footprint() {
        long n = 0;
        for (EventSegment s : segments) {
            if (s != null) {
                n += EventSegment.footprint();
            }
        }
        return n + slots.footprint() + keys.length * 8L + free.length * 4L;
    }
}
