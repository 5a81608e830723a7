package io.zeekagent.hub.attribution;

import org.jspecify.annotations.Nullable;

/**
 * A fixed block of indexed socket events stored column-wise in primitive arrays (72 bytes per event, no object per
 * event). Slot {@code i} holds the event with sequence number {@code first + i}.
 */
final class EventSegment {

    static final int SHIFT = 13;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;

    /**
     * Fields read while matching, one 6-long row per event (48 bytes: a candidate costs one or two cache lines). The
     * chain link shares the {@link #META} long with the ports, so no slot is spent on it.
     */
    static final int STRIDE = 6;

    static final int LOCAL_HI = 0;
    static final int LOCAL_LO = 1;
    static final int REMOTE_HI = 2;
    static final int REMOTE_LO = 3;
    /**
     * Transport (bits 0-4), remote port (5-20), local port (21-36) and the chain link (37-63): how many sequence
     * numbers back the next (older) event with the same key is, 0 for none.
     */
    static final int META = 4;

    static final int TIME = 5;

    static final long TRANSPORT_MASK = 0x1F;
    static final long REMOTE_PORT_MASK = 0xFFFFL << 5;
    private static final int LINK_SHIFT = 37;
    private static final long PORTS_MASK = (1L << LINK_SHIFT) - 1;
    /** The longest chain link a row can hold; {@code hub.attribution.max-events} is bounded by it. */
    static final long MAX_LINK = (1L << (64 - LINK_SHIFT)) - 1;

    final long[] hot = new long[SIZE * STRIDE];
    final int[] seuidHi = new int[SIZE];
    final long[] seuidLo = new long[SIZE];
    final int[] host = new int[SIZE];
    /** Receipt times as milliseconds after {@link #receivedBase} (the first one written); see {@link #receivedAt}. */
    private final int[] receivedDelta = new int[SIZE];

    private long receivedBase = Long.MIN_VALUE;
    /** Receipt times in full, only once one was more than 24 days from the first (a slow or replayed segment). */
    private long @Nullable [] receivedWide;

    final int[] pid = new int[SIZE];
    /** Executable, user id and syscall, dictionary-coded together ({@link ProcessDictionary}). */
    final int[] process = new int[SIZE];

    static long meta(int localPort, int remotePort, int transport) {
        return ((long) localPort << 21) | ((long) remotePort << 5) | (transport & TRANSPORT_MASK);
    }

    static int localPort(long meta) {
        return (int) (meta >>> 21) & 0xFFFF;
    }

    static int remotePort(long meta) {
        return (int) (meta >>> 5) & 0xFFFF;
    }

    int localPort(int i) {
        return localPort(hot[i * STRIDE + META]);
    }

    int remotePort(int i) {
        return remotePort(hot[i * STRIDE + META]);
    }

    /** Receipt time (epoch ms) of slot {@code i}. */
    long receivedAt(int i) {
        long[] wide = receivedWide;
        return wide != null ? wide[i] : receivedBase + receivedDelta[i];
    }

    /** Sets the receipt time (epoch ms) of slot {@code i}; any value, {@link Long#MIN_VALUE} included. */
    void receivedAt(int i, long millis) {
        long[] wide = receivedWide;
        if (wide != null) {
            wide[i] = millis;
            return;
        }
        if (receivedBase == Long.MIN_VALUE && millis != Long.MIN_VALUE) {
            receivedBase = millis;
        }
        long delta = millis - receivedBase;
        if (receivedBase != Long.MIN_VALUE && millis != Long.MIN_VALUE && delta == (int) delta) {
            receivedDelta[i] = (int) delta;
            return;
        }
        wide = new long[SIZE];
        for (int j = 0; j < SIZE; j++) {
            wide[j] = receivedBase + receivedDelta[j];
        }
        wide[i] = millis;
        receivedWide = wide;
    }

    /** Sequence number of the next (older) event with the same key as {@code seq} (at {@code row}), or -1. */
    static long next(long[] hot, int row, long seq) {
        long link = hot[row + META] >>> LINK_SHIFT;
        return link == 0 ? -1 : seq - link;
    }

    /** Links the row of {@code seq} to the older event {@code previous} of its key (none when negative). */
    static void link(long[] hot, int row, long seq, long previous) {
        long link = previous < 0 || seq - previous > MAX_LINK ? 0 : seq - previous;
        hot[row + META] = (hot[row + META] & PORTS_MASK) | (link << LINK_SHIFT);
    }

    /** Approximate heap bytes of one segment. */
    static long footprint() {
        return (long) SIZE * (8 * STRIDE + 4 + 8 + 4 + 4 + 4 + 4) + 7 * 16;
    }
}
