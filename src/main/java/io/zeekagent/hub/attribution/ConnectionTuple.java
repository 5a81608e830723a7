package io.zeekagent.hub.attribution;

/**
 * A conn.log record's identity, parsed: both endpoints (128-bit addresses), transport and start time.
 *
 * @param tsMillis the connection's {@code ts} in epoch milliseconds, or {@link #UNKNOWN_TIME}
 */
record ConnectionTuple(
        long origHi, long origLo, int origPort, long respHi, long respLo, int respPort, int transport, long tsMillis) {

    static final long UNKNOWN_TIME = Long.MIN_VALUE;
}
