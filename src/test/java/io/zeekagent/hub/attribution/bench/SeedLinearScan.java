package io.zeekagent.hub.attribution.bench;

import io.zeekagent.hub.attribution.SocketEventEntry;
import io.zeekagent.hub.net.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A faithful re-implementation of the seed's attribution (seed-framework.md §5): {@code ipaddr_to_host} keyed by
 * address text, {@code socket_events_state[host_id]} an append-only vector per host, and a lookup that scans
 * every socket of each candidate host with {@code matchConnectionTuple} (0.0.0.0 / port 0 are wildcards). Kept
 * only to measure the index against it in the same run.
 */
final class SeedLinearScan {

    /** {@code SocketInfo}: the seuid and the {@code ConnectionTuple} (addresses as Zeek {@code addr} values). */
    record SocketInfo(
            String seuid, long localHi, long localLo, long remoteHi, long remoteLo, int localPort, int remotePort) {}

    private final Map<String, Set<String>> ipaddrToHost = new HashMap<>();
    private final Map<String, List<SocketInfo>> socketEventsState = new HashMap<>();
    private final IpAddress parser = new IpAddress();

    void hostIpAddrAdd(String hostId, String ip) {
        ipaddrToHost.computeIfAbsent(ip, k -> new HashSet<>()).add(hostId);
    }

    void socketEventAdd(SocketEventEntry e) {
        long[] local = addr(e.localAddress());
        long[] remote = addr(e.remoteAddress());
        socketEventsState
                .computeIfAbsent(e.hostId(), k -> new ArrayList<>())
                .add(new SocketInfo(
                        e.seuid(),
                        local[0],
                        local[1],
                        remote[0],
                        remote[1],
                        e.localPort() == null ? 0 : e.localPort(),
                        e.remotePort() == null ? 0 : e.remotePort()));
    }

    private long[] addr(String text) {
        if (text == null || text.isEmpty() || !parser.parse(text)) {
            parser.parse("0.0.0.0");
        }
        return new long[] {parser.hi(), parser.lo()};
    }

    /** Both sides, as {@code attribute_connection} does; returns the number of matching sockets. */
    int attribute(String origH, long oHi, long oLo, int origP, String respH, long rHi, long rLo, int respP) {
        int n = 0;
        for (String host : ipaddrToHost.getOrDefault(origH, Set.of())) {
            n += scan(host, oHi, oLo, origP, rHi, rLo, respP);
        }
        for (String host : ipaddrToHost.getOrDefault(respH, Set.of())) {
            n += scan(host, rHi, rLo, respP, oHi, oLo, origP);
        }
        return n;
    }

    private int scan(String host, long lHi, long lLo, int lPort, long rHi, long rLo, int rPort) {
        int n = 0;
        for (SocketInfo s : socketEventsState.getOrDefault(host, List.of())) {
            if (matches(s.localHi(), s.localLo(), lHi, lLo)
                    && (s.localPort() == 0 || s.localPort() == lPort)
                    && matches(s.remoteHi(), s.remoteLo(), rHi, rLo)
                    && (s.remotePort() == 0 || s.remotePort() == rPort)) {
                n++;
            }
        }
        return n;
    }

    /** The seed treats only IPv4 0.0.0.0 as a wildcard address. */
    private static boolean matches(long hi, long lo, long connHi, long connLo) {
        return (hi == 0 && lo == 0x0000_FFFF_0000_0000L) || (hi == connHi && lo == connLo);
    }
}
