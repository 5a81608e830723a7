package io.zeekagent.hub.attribution;

/**
 * The read side of {@link AttributionIndex}: for one candidate host and one side of a connection, probes the three
 * keys (both ports, local port only, remote port only) and the listener pin, walks those chains newest first and
 * collects what the rules match (rules 3–6). Runs under the index's read lock and keeps no state of its own.
 */
final class IndexLookup {

    private final EventLog log;
    private final LongLongMap chains;
    private final PinnedEvents pins;
    private final HostTable hosts;
    private final ProcessDictionary processes;
    private final long windowMillis;

    IndexLookup(
            EventLog log,
            LongLongMap chains,
            PinnedEvents pins,
            HostTable hosts,
            ProcessDictionary processes,
            long windowMillis) {
        this.log = log;
        this.chains = chains;
        this.pins = pins;
        this.hosts = hosts;
        this.processes = processes;
        this.windowMillis = windowMillis;
    }

    /** The events of {@code host} on the originator's side of {@code c}. */
    void orig(int host, ConnectionTuple c, MatchCollector out) {
        side(
                host,
                MatchCollector.ORIG,
                c.origHi(),
                c.origLo(),
                c.origPort(),
                c.respHi(),
                c.respLo(),
                c.respPort(),
                c,
                out);
    }

    /** The events of {@code host} on the responder's side of {@code c}. */
    void resp(int host, ConnectionTuple c, MatchCollector out) {
        side(
                host,
                MatchCollector.RESP,
                c.respHi(),
                c.respLo(),
                c.respPort(),
                c.origHi(),
                c.origLo(),
                c.origPort(),
                c,
                out);
    }

    private void side(
            int host,
            byte side,
            long lHi,
            long lLo,
            int lPort,
            long rHi,
            long rLo,
            int rPort,
            ConnectionTuple c,
            MatchCollector out) {
        walk(chains.get(AttributionIndex.key(host, lPort, rPort)), side, lHi, lLo, rHi, rLo, c, out);
        if (rPort != 0) {
            walk(chains.get(AttributionIndex.key(host, lPort, 0)), side, lHi, lLo, rHi, rLo, c, out);
        }
        if (lPort != 0 && pins.size() > 0) {
            pinned(AttributionIndex.key(host, lPort, 0), side, lHi, lLo, rHi, rLo, c, out);
        }
        if (lPort != 0) {
            walk(chains.get(AttributionIndex.key(host, 0, rPort)), side, lHi, lLo, rHi, rLo, c, out);
        }
    }

    private void walk(
            long seq, byte side, long lHi, long lLo, long rHi, long rLo, ConnectionTuple c, MatchCollector out) {
        long tail = log.tail();
        while (seq >= tail) {
            EventSegment s = log.segment(seq);
            int i = (int) (seq & EventSegment.MASK);
            if (Rules.matches(s, i, lHi, lLo, rHi, rLo, c, windowMillis)) {
                collect(s, i, side, out);
            }
            seq = EventSegment.next(s.hot, i * EventSegment.STRIDE, seq);
        }
    }

    /** The listener pin of (host, local port), if count eviction moved one out of the log. */
    private void pinned(
            long key, byte side, long lHi, long lLo, long rHi, long rLo, ConnectionTuple c, MatchCollector out) {
        long slot = pins.get(key);
        if (slot != LongLongMap.MISSING) {
            EventSegment s = pins.segment(slot);
            int i = (int) (slot & EventSegment.MASK);
            if (Rules.matches(s, i, lHi, lLo, rHi, rLo, c, windowMillis)) {
                collect(s, i, side, out);
            }
        }
    }

    private void collect(EventSegment s, int i, byte side, MatchCollector out) {
        int m = out.add(side, s.seuidHi[i], s.seuidLo[i], s.hot[i * EventSegment.STRIDE + EventSegment.TIME]);
        if (out.wantsDetails()) {
            int pid = s.pid[i];
            int process = s.process[i];
            out.details(
                    m,
                    hosts.hostId(s.host[i]),
                    hosts.hostname(s.host[i]),
                    pid == Integer.MIN_VALUE ? Long.MIN_VALUE : pid,
                    processes.uid(process),
                    processes.exe(process),
                    processes.syscall(process));
        }
    }
}
