package io.zeekagent.hub.attribution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches rows the cold tier returned against connections with the memory tier's {@link Rules}: rows are parsed
 * into the same matching row layout, grouped by {@link ColdKey}, and each side of a connection probes the same
 * three keys as in memory, for the same candidate hosts, deduplicated by seuid against what memory found.
 */
final class ColdMatcher {

    private final List<SocketEventEntry> rows;
    private final long[] hot;
    private final boolean[] valid;
    private final Map<Long, int[]> byKey = new HashMap<>();
    private final long window;
    private final AttributionIndex index;

    ColdMatcher(List<SocketEventEntry> rows, long window, AttributionIndex index) {
        this.rows = rows;
        this.window = window;
        this.index = index;
        this.hot = new long[rows.size() * EventSegment.STRIDE];
        this.valid = new boolean[rows.size()];
        EventWriter writer = new EventWriter(new ProcessDictionary());
        for (int r = 0; r < rows.size(); r++) {
            SocketEventEntry e = rows.get(r);
            if (!writer.parse(e)) {
                continue;
            }
            writer.writeHot(e, hot, r * EventSegment.STRIDE);
            valid[r] = true;
            long key = ColdKey.of(e.hostId(), EventWriter.port(e.localPort()), EventWriter.port(e.remotePort()));
            int[] known = byKey.get(key);
            int[] grown = known == null ? new int[1] : java.util.Arrays.copyOf(known, known.length + 1);
            grown[grown.length - 1] = r;
            byKey.put(key, grown);
        }
    }

    /** Adds the matching rows of the sides in {@code sides} (bit per side) to {@code out}; returns how many. */
    int match(ConnectionTuple c, int sides, MatchCollector out) {
        return match(c, sides, null, out);
    }

    /** The same for one host only (a lookup routed to the replica holding it), or every candidate when null. */
    int match(ConnectionTuple c, int sides, @org.jspecify.annotations.Nullable String onlyHost, MatchCollector out) {
        int added = 0;
        if ((sides & (1 << MatchCollector.ORIG)) != 0) {
            added += side(
                    MatchCollector.ORIG,
                    c.origHi(),
                    c.origLo(),
                    c.origPort(),
                    c.respHi(),
                    c.respLo(),
                    c.respPort(),
                    c,
                    onlyHost,
                    out);
        }
        if ((sides & (1 << MatchCollector.RESP)) != 0) {
            added += side(
                    MatchCollector.RESP,
                    c.respHi(),
                    c.respLo(),
                    c.respPort(),
                    c.origHi(),
                    c.origLo(),
                    c.origPort(),
                    c,
                    onlyHost,
                    out);
        }
        return added;
    }

    private int side(
            byte side,
            long lHi,
            long lLo,
            int lPort,
            long rHi,
            long rLo,
            int rPort,
            ConnectionTuple c,
            @org.jspecify.annotations.Nullable String onlyHost,
            MatchCollector out) {
        int added = 0;
        for (String host : onlyHost != null ? List.of(onlyHost) : index.hostIds(lHi, lLo)) {
            added += probe(ColdKey.of(host, lPort, rPort), host, side, lHi, lLo, rHi, rLo, c, out);
            if (rPort != 0) {
                added += probe(ColdKey.of(host, lPort, 0), host, side, lHi, lLo, rHi, rLo, c, out);
            }
            if (lPort != 0) {
                added += probe(ColdKey.of(host, 0, rPort), host, side, lHi, lLo, rHi, rLo, c, out);
            }
        }
        return added;
    }

    private int probe(
            long key,
            String host,
            byte side,
            long lHi,
            long lLo,
            long rHi,
            long rLo,
            ConnectionTuple c,
            MatchCollector out) {
        int[] candidates = byKey.get(key);
        if (candidates == null) {
            return 0;
        }
        int added = 0;
        for (int r : candidates) {
            SocketEventEntry e = rows.get(r);
            int row = r * EventSegment.STRIDE;
            if (!valid[r] || !e.hostId().equals(host) || !Rules.matches(hot, row, lHi, lLo, rHi, rLo, c, window)) {
                continue;
            }
            int hi = Seuid.high(e.seuid());
            long lo = Seuid.low(e.seuid());
            if (out.contains(side, hi, lo)) {
                continue;
            }
            int m = out.add(side, hi, lo, hot[row + EventSegment.TIME]);
            out.markCold();
            if (out.wantsDetails()) {
                Long pid = e.pid();
                Long uid = e.uid();
                out.details(
                        m,
                        host,
                        index.hostname(host),
                        pid == null ? Long.MIN_VALUE : pid,
                        uid == null ? Long.MIN_VALUE : uid,
                        e.exe(),
                        e.syscall());
            }
            added++;
        }
        return added;
    }
}
