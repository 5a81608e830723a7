package io.zeekagent.hub.attribution;

/**
 * A fixed block of indexed socket events stored column-wise in primitive arrays (about 95 bytes per event, no
 * object per event). Slot {@code i} holds the event with sequence number {@code first + i}.
 */
final class EventSegment {

    static final int SHIFT = 13;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;

    /** Fields read while matching, one 8-long row per event so a candidate costs one or two cache lines. */
    static final int STRIDE = 8;

    static final int LOCAL_HI = 0;
    static final int LOCAL_LO = 1;
    static final int REMOTE_HI = 2;
    static final int REMOTE_LO = 3;
    /** Local port (bits 32-47), remote port (16-31), transport (0-7). */
    static final int META = 4;

    static final int TIME = 5;
    /** Sequence number of the next (older) event with the same key, or -1. */
    static final int NEXT = 6;

    final long[] hot = new long[SIZE * STRIDE];
    final int[] seuidHi = new int[SIZE];
    final long[] seuidLo = new long[SIZE];
    final int[] host = new int[SIZE];
    final byte[] syscall = new byte[SIZE];
    final long[] receivedAt = new long[SIZE];
    final int[] pid = new int[SIZE];
    final long[] uid = new long[SIZE];
    final int[] exe = new int[SIZE];

    static long meta(int localPort, int remotePort, int transport) {
        return ((long) localPort << 32) | ((long) remotePort << 16) | transport;
    }

    int localPort(int i) {
        return (int) (hot[i * STRIDE + META] >>> 32) & 0xFFFF;
    }

    int remotePort(int i) {
        return (int) (hot[i * STRIDE + META] >>> 16) & 0xFFFF;
    }

    /** Approximate heap bytes of one segment. */
    static long footprint() {
        return (long) SIZE * (8 * STRIDE + 4 + 8 + 4 + 1 + 8 + 4 + 8 + 4) + 9 * 16;
    }
}
