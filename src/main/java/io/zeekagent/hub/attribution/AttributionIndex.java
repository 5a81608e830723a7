package io.zeekagent.hub.attribution;

import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.net.IpAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory socket-event index that answers DESIGN §7 in time proportional to the candidates with the exact
 * ports, not to the events stored (the seed scanned every event of the host).
 *
 * <p>Each indexable event has one key: (host, its non-wildcard ports, which of them). A lookup for one side of a
 * connection probes three keys per candidate host — both ports, local port only, remote port only — and walks
 * only those chains, newest first. Events live in arrival order in an {@link EventLog}, are evicted oldest first
 * by retention (counted from receipt) and by {@code maxEvents}; a chain whose head is evicted is unlinked.
 *
 * <p>Thread-safe: one writer at a time, any number of concurrent readers.
 */
final class AttributionIndex {

    private static final long NONE = -1;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final EventLog log = new EventLog();
    private final LongLongMap chains = new LongLongMap(1024);
    private final AddressHosts addressHosts = new AddressHosts();
    private final HostTable hosts = new HostTable();
    private final StringDictionary texts = new StringDictionary();
    private final StringDictionary syscalls = new StringDictionary();
    private final EventWriter writer = new EventWriter(texts, syscalls);
    private final long retentionMillis;
    private final long maxEvents;
    private final long windowMillis;
    private volatile long evictedByRetention;
    private volatile long evictedByCapacity;
    private volatile long skipped;
    /** Connections looked up, for the attributions-per-second rate (the console's Flow page). */
    private final LongAdder attributed = new LongAdder();

    AttributionIndex(Duration retention, long maxEvents, Duration connectWindow) {
        this.retentionMillis = retention.toMillis();
        this.maxEvents = maxEvents;
        this.windowMillis = connectWindow.toMillis();
    }

    /** Indexes events (in receipt order); fully wildcard or unparsable ones are skipped and counted. */
    void addAll(List<SocketEventEntry> events) {
        lock.writeLock().lock();
        try {
            for (SocketEventEntry event : events) {
                if (!writer.parse(event)) {
                    skipped++;
                    continue;
                }
                int host = hosts.intern(event.hostId());
                long seq = log.append();
                EventSegment segment = log.segment(seq);
                int i = (int) (seq & EventSegment.MASK);
                writer.write(event, host, segment, i);
                long previous = chains.put(key(host, segment.localPort(i), segment.remotePort(i)), seq);
                segment.hot[i * EventSegment.STRIDE + EventSegment.NEXT] =
                        previous == LongLongMap.MISSING ? NONE : previous;
                while (log.size() > maxEvents) {
                    evictOldest();
                    evictedByCapacity++;
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Evicts every event received before {@code nowMillis - retention}; returns how many. */
    int evictExpired(long nowMillis) {
        long cutoff = nowMillis - retentionMillis;
        int evicted = 0;
        lock.writeLock().lock();
        try {
            while (log.size() > 0) {
                long seq = log.tail();
                if (log.segment(seq).receivedAt[(int) (seq & EventSegment.MASK)] >= cutoff) {
                    break;
                }
                evictOldest();
                evicted++;
            }
            evictedByRetention += evicted;
        } finally {
            lock.writeLock().unlock();
        }
        return evicted;
    }

    /** Replaces what the index knows of a host's addresses and hostname (rule 2). */
    void putHost(HostAddresses host) {
        IpAddress parsed = new IpAddress();
        long[] pairs = new long[host.addresses().size() * 2];
        int n = 0;
        for (String text : host.addresses()) {
            if (parsed.parse(text.trim()) && !IpAddress.isWildcard(parsed.hi(), parsed.lo())) {
                pairs[n++] = parsed.hi();
                pairs[n++] = parsed.lo();
            }
        }
        long[] fresh = java.util.Arrays.copyOf(pairs, n);
        lock.writeLock().lock();
        try {
            int id = hosts.intern(host.hostId());
            long[] old = hosts.addresses(id);
            for (int k = 0; k < old.length; k += 2) {
                addressHosts.remove(old[k], old[k + 1], id);
            }
            for (int k = 0; k < fresh.length; k += 2) {
                addressHosts.add(fresh[k], fresh[k + 1], id);
            }
            hosts.addresses(id, fresh);
            hosts.hostname(id, host.hostname());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forgets a deleted host's addresses; its events stay until evicted but no address leads to them. */
    void removeHost(String hostId) {
        putHost(new HostAddresses(hostId, null, java.util.Set.of()));
    }

    /** Collects the events matching both sides of the connection (rules 3–6), ordered by event time. */
    void attribute(ConnectionTuple c, MatchCollector out) {
        out.clear();
        attributed.increment();
        lock.readLock().lock();
        try {
            for (int host : addressHosts.get(c.origHi(), c.origLo())) {
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
            for (int host : addressHosts.get(c.respHi(), c.respLo())) {
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
        } finally {
            lock.readLock().unlock();
        }
        out.sortByTime();
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
        walk(chains.get(key(host, lPort, rPort)), side, lHi, lLo, rHi, rLo, c, out);
        if (rPort != 0) {
            walk(chains.get(key(host, lPort, 0)), side, lHi, lLo, rHi, rLo, c, out);
        }
        if (lPort != 0) {
            walk(chains.get(key(host, 0, rPort)), side, lHi, lLo, rHi, rLo, c, out);
        }
    }

    private void walk(
            long seq, byte side, long lHi, long lLo, long rHi, long rLo, ConnectionTuple c, MatchCollector out) {
        long tail = log.tail();
        while (seq >= tail) {
            EventSegment s = log.segment(seq);
            int i = (int) (seq & EventSegment.MASK);
            long[] hot = s.hot;
            int row = i * EventSegment.STRIDE;
            int transport = (int) (hot[row + EventSegment.META] & 0xFF);
            if (addressMatches(hot[row + EventSegment.LOCAL_HI], hot[row + EventSegment.LOCAL_LO], lHi, lLo)
                    && addressMatches(hot[row + EventSegment.REMOTE_HI], hot[row + EventSegment.REMOTE_LO], rHi, rLo)
                    && (transport == Transport.UNKNOWN
                            || c.transport() == Transport.UNKNOWN
                            || transport == c.transport())
                    && timeMatches(hot, row, c.tsMillis())) {
                int m = out.add(side, s.seuidHi[i], s.seuidLo[i], hot[row + EventSegment.TIME]);
                if (out.wantsDetails()) {
                    int pid = s.pid[i];
                    out.details(
                            m,
                            hosts.hostId(s.host[i]),
                            hosts.hostname(s.host[i]),
                            pid == Integer.MIN_VALUE ? Long.MIN_VALUE : pid,
                            s.uid[i],
                            texts.decode(s.exe[i]),
                            syscalls.decode(s.syscall[i] & 0xFF));
                }
            }
            seq = hot[row + EventSegment.NEXT];
        }
    }

    private static boolean addressMatches(long eventHi, long eventLo, long hi, long lo) {
        return (eventHi == 0 && eventLo == 0) || (eventHi == hi && eventLo == lo);
    }

    /** Rule 6: connect-type events within the window either side; bind/listen-type events up to the window after. */
    private boolean timeMatches(long[] hot, int row, long ts) {
        long t = hot[row + EventSegment.TIME];
        if (t == ConnectionTuple.UNKNOWN_TIME || ts == ConnectionTuple.UNKNOWN_TIME) {
            return true;
        }
        boolean connectType = (hot[row + EventSegment.META] & 0xFFFF_0000L) != 0
                || hot[row + EventSegment.REMOTE_HI] != 0
                || hot[row + EventSegment.REMOTE_LO] != 0;
        return connectType ? Math.abs(t - ts) <= windowMillis : t <= ts + windowMillis;
    }

    private void evictOldest() {
        long seq = log.tail();
        EventSegment s = log.segment(seq);
        int i = (int) (seq & EventSegment.MASK);
        long key = key(s.host[i], s.localPort(i), s.remotePort(i));
        if (chains.get(key) == seq) {
            // The oldest event heads its chain only when it is the chain's last live event.
            chains.remove(key);
        }
        log.removeOldest();
    }

    /** One key per event: host, then which ports are set (bit 33: local, bit 32: remote), then the ports. */
    static long key(int host, int localPort, int remotePort) {
        long kind = (localPort != 0 ? 2L : 0L) | (remotePort != 0 ? 1L : 0L);
        return ((long) host << 34) | (kind << 32) | ((long) localPort << 16) | remotePort;
    }

    long size() {
        lock.readLock().lock();
        try {
            return log.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    long evictedByRetention() {
        return evictedByRetention;
    }

    long evictedByCapacity() {
        return evictedByCapacity;
    }

    long skipped() {
        return skipped;
    }

    long attributed() {
        return attributed.sum();
    }

    /** Approximate heap bytes of the event storage and the key table. */
    long footprint() {
        lock.readLock().lock();
        try {
            return log.segments() * EventSegment.footprint() + chains.footprint();
        } finally {
            lock.readLock().unlock();
        }
    }
}
