package io.zeekagent.hub.attribution;

/**
 * The per-event predicates of DESIGN §7 (rules 4–6) over an {@link EventSegment} row, shared by the memory walk,
 * the listener pins and the database tier so that every tier gives the same answer for the same event.
 */
final class Rules {

    private Rules() {}

    /** Whether slot {@code i} of {@code s} matches one side of {@code c} seen from (l, r). */
    static boolean matches(
            EventSegment s, int i, long lHi, long lLo, long rHi, long rLo, ConnectionTuple c, long windowMillis) {
        return matches(s.hot, i * EventSegment.STRIDE, lHi, lLo, rHi, rLo, c, windowMillis);
    }

    /** The same for a row of {@link EventSegment#STRIDE} longs starting at {@code row} of {@code hot}. */
    static boolean matches(
            long[] hot, int row, long lHi, long lLo, long rHi, long rLo, ConnectionTuple c, long windowMillis) {
        int transport = (int) (hot[row + EventSegment.META] & EventSegment.TRANSPORT_MASK);
        return addressMatches(hot[row + EventSegment.LOCAL_HI], hot[row + EventSegment.LOCAL_LO], lHi, lLo)
                && addressMatches(hot[row + EventSegment.REMOTE_HI], hot[row + EventSegment.REMOTE_LO], rHi, rLo)
                && (transport == Transport.UNKNOWN || c.transport() == Transport.UNKNOWN || transport == c.transport())
                && timeMatches(hot, row, c.tsMillis(), windowMillis);
    }

    static boolean addressMatches(long eventHi, long eventLo, long hi, long lo) {
        return (eventHi == 0 && eventLo == 0) || (eventHi == hi && eventLo == lo);
    }

    /** A connect-type event has a remote side (port or address); the others are bind/listen-type. */
    static boolean connectType(long[] hot, int row) {
        return (hot[row + EventSegment.META] & EventSegment.REMOTE_PORT_MASK) != 0
                || hot[row + EventSegment.REMOTE_HI] != 0
                || hot[row + EventSegment.REMOTE_LO] != 0;
    }

    /** Rule 6: connect-type events within the window either side; bind/listen-type events up to the window after. */
    static boolean timeMatches(long[] hot, int row, long ts, long windowMillis) {
        long t = hot[row + EventSegment.TIME];
        if (t == ConnectionTuple.UNKNOWN_TIME || ts == ConnectionTuple.UNKNOWN_TIME) {
            return true;
        }
        return connectType(hot, row) ? Math.abs(t - ts) <= windowMillis : t <= ts + windowMillis;
    }
}
