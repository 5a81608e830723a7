package io.zeekagent.hub.attribution;

import io.zeekagent.hub.net.IpAddress;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Parses a {@link SocketEventEntry} and writes it into an {@link EventSegment} slot: addresses to 128 bits
 * (wildcards to zero), executable, user and syscall to one dictionary code, times to epoch milliseconds. Not thread-safe.
 */
final class EventWriter {

    private final ProcessDictionary processes;
    private final IpAddress local = new IpAddress();
    private final IpAddress remote = new IpAddress();
    /** The seuid of the event last parsed: high 32 bits, low 64 bits. */
    private final long[] seuid = new long[2];

    private long localHi;
    private long localLo;
    private long remoteHi;
    private long remoteLo;

    EventWriter(ProcessDictionary processes) {
        this.processes = processes;
    }

    /** Parses the addresses; false when one is invalid or the event has no port at all (rule 4). */
    boolean parse(SocketEventEntry event) {
        if (port(event.localPort()) == 0 && port(event.remotePort()) == 0) {
            return false;
        }
        // One pass over the text for validity and value (it was five: isValid, then high and low each validating
        // and parsing again), on the writer thread for every indexed event.
        if (!Seuid.parse(event.seuid(), seuid)) {
            return false;
        }
        if (!address(event.localAddress(), local)) {
            return false;
        }
        localHi = local.hi();
        localLo = local.lo();
        if (!address(event.remoteAddress(), remote)) {
            return false;
        }
        remoteHi = remote.hi();
        remoteLo = remote.lo();
        return true;
    }

    /** Writes the event last {@link #parse parsed}. */
    void write(SocketEventEntry event, int host, EventSegment s, int i) {
        s.seuidHi[i] = (int) seuid[0];
        s.seuidLo[i] = seuid[1];
        s.host[i] = host;
        writeHot(event, s.hot, i * EventSegment.STRIDE);
        s.receivedAt(i, event.receivedAt().toEpochMilli());
        Long pid = event.pid();
        s.pid[i] = pid == null || pid != pid.intValue() ? Integer.MIN_VALUE : pid.intValue();
        Long uid = event.uid();
        s.process[i] = processes.encode(event.exe(), uid == null ? Long.MIN_VALUE : uid, event.syscall());
    }

    /**
     * Writes the matching row ({@link EventSegment#STRIDE} longs) of the event last {@link #parse parsed}, not yet
     * linked to an older event.
     */
    void writeHot(SocketEventEntry event, long[] hot, int row) {
        hot[row + EventSegment.LOCAL_HI] = localHi;
        hot[row + EventSegment.LOCAL_LO] = localLo;
        hot[row + EventSegment.REMOTE_HI] = remoteHi;
        hot[row + EventSegment.REMOTE_LO] = remoteLo;
        hot[row + EventSegment.META] = EventSegment.meta(
                port(event.localPort()), port(event.remotePort()), Transport.fromName(event.protocol()));
        hot[row + EventSegment.TIME] = millis(event.time());
    }

    static int port(@Nullable Integer port) {
        return port == null || port < 0 || port > 65535 ? 0 : port;
    }

    private static boolean address(@Nullable String text, IpAddress into) {
        if (text == null || text.isBlank()) {
            return wildcard(into);
        }
        if (!into.parse(text.trim())) {
            return false;
        }
        return !IpAddress.isWildcard(into.hi(), into.lo()) || wildcard(into);
    }

    private static boolean wildcard(IpAddress into) {
        into.parse("::");
        return true;
    }

    private static long millis(@Nullable Instant time) {
        return time == null ? ConnectionTuple.UNKNOWN_TIME : time.toEpochMilli();
    }
}
