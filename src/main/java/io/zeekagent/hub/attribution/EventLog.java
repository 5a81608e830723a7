package io.zeekagent.hub.attribution;

/**
 * The indexed events in arrival order: a ring of {@link EventSegment}s addressed by a 64-bit sequence number.
 * Appends at the head, evicts at the tail, allocates and frees whole segments; never copies events. Not
 * thread-safe.
 */
final class EventLog {

    private EventSegment[] ring = new EventSegment[4];
    private long head;
    private long tail;

    /** Sequence number the next appended event gets. */
    long head() {
        return head;
    }

    /** Sequence number of the oldest live event (equals {@link #head()} when empty). */
    long tail() {
        return tail;
    }

    long size() {
        return head - tail;
    }

    boolean isLive(long seq) {
        return seq >= tail && seq < head;
    }

    /** The segment holding a live sequence number. */
    EventSegment segment(long seq) {
        return ring[(int) ((seq >>> EventSegment.SHIFT) & (ring.length - 1))];
    }

    /** Reserves the next slot, allocating a segment when one starts; returns its sequence number. */
    long append() {
        long seq = head;
        if ((seq & EventSegment.MASK) == 0) {
            long segments = (seq >>> EventSegment.SHIFT) - (tail >>> EventSegment.SHIFT) + 1;
            if (segments > ring.length) {
                grow();
            }
            ring[(int) ((seq >>> EventSegment.SHIFT) & (ring.length - 1))] = new EventSegment();
        }
        head = seq + 1;
        return seq;
    }

    /** Drops the oldest event, freeing its segment when it was the segment's last slot. */
    void removeOldest() {
        long seq = tail++;
        if (((seq + 1) & EventSegment.MASK) == 0) {
            ring[(int) ((seq >>> EventSegment.SHIFT) & (ring.length - 1))] = null;
        }
    }

    /** Number of allocated segments. */
    int segments() {
        int n = 0;
        for (EventSegment s : ring) {
            if (s != null) {
                n++;
            }
        }
        return n;
    }

    private void grow() {
        EventSegment[] bigger = new EventSegment[ring.length * 2];
        for (long s = tail >>> EventSegment.SHIFT; s < head >>> EventSegment.SHIFT; s++) {
            bigger[(int) (s & (bigger.length - 1))] = ring[(int) (s & (ring.length - 1))];
        }
        ring = bigger;
    }
}
