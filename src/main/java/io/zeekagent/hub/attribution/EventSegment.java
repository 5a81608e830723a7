package io.zeekagent.hub.attribution;

/**
 * A fixed block of indexed socket events stored column-wise in primitive arrays (about 95 bytes per event, no
 * object per event). Slot {@code i} holds the event with sequence number {@code first + i}.
 */
final class EventSegment {

    static final int SHIFT = 13;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;

    final int[] seuidHi = new int[SIZE];
    final long[] seuidLo = new long[SIZE];
    final int[] host = new int[SIZE];
    final long[] localHi = new long[SIZE];
    final long[] localLo = new long[SIZE];
    final long[] remoteHi = new long[SIZE];
    final long[] remoteLo = new long[SIZE];
    final char[] localPort = new char[SIZE];
    final char[] remotePort = new char[SIZE];
    final byte[] protocol = new byte[SIZE];
    final byte[] syscall = new byte[SIZE];
    final long[] time = new long[SIZE];
    final long[] receivedAt = new long[SIZE];
    final int[] pid = new int[SIZE];
    final long[] uid = new long[SIZE];
    final int[] exe = new int[SIZE];
    /** Sequence number of the next (older) event with the same key, or -1. */
    final long[] next = new long[SIZE];

    /** Approximate heap bytes of one segment. */
    static long footprint() {
        return (long) SIZE * (4 + 8 + 4 + 8 * 4 + 2 + 2 + 1 + 1 + 8 + 8 + 4 + 8 + 4 + 8) + 17 * 16;
    }
}
