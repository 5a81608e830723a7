package io.zeekagent.hub.attribution;

import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.net.IpAddress;
import java.time.Duration;
import java.util.List;
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
    private final ProcessDictionary processes = new ProcessDictionary();
    private final Listeners listeners = new Listeners();
    private final PinnedEvents pins = listeners.pins;
    /** Receipt time before which binds may have been dropped for every key (a rebuild that skipped old rows). */
    private volatile long lostBindsEverywhere = Long.MIN_VALUE;

    private final EventWriter writer = new EventWriter(processes);
    private final IndexLookup lookup;
    private final long retentionMillis;
    private final long maxEvents;
    private final long windowMillis;
    private volatile long evictedByRetention;
    private volatile long evictedByCapacity;
    private volatile long skipped;
    /** Receipt time of the newest event evicted by count (the hot floor), or {@link Long#MIN_VALUE}. */
    private volatile long hotFloor = Long.MIN_VALUE;

    AttributionIndex(Duration retention, long maxEvents, Duration connectWindow) {
        this.retentionMillis = retention.toMillis();
        this.maxEvents = maxEvents;
        this.windowMillis = connectWindow.toMillis();
        this.lookup = new IndexLookup(log, chains, pins, hosts, processes, windowMillis);
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
                long key = key(host, segment.localPort(i), segment.remotePort(i));
                long previous = chains.put(key, seq);
                EventSegment.link(
                        segment.hot, i * EventSegment.STRIDE, seq, previous == LongLongMap.MISSING ? NONE : previous);
                if (!Rules.connectType(segment.hot, i * EventSegment.STRIDE)) {
                    listeners.bound(key);
                }
                while (log.size() > maxEvents) {
                    evictOldest(true);
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
                if (log.segment(seq).receivedAt((int) (seq & EventSegment.MASK)) >= cutoff) {
                    break;
                }
                evictOldest(false);
                evicted++;
            }
            evicted += pins.evictBefore(cutoff);
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
        lock.readLock().lock();
        try {
            for (int host : addressHosts.get(c.origHi(), c.origLo())) {
                lookup.orig(host, c, out);
            }
            for (int host : addressHosts.get(c.respHi(), c.respLo())) {
                lookup.resp(host, c, out);
            }
        } finally {
            lock.readLock().unlock();
        }
        out.sortByTime();
    }

    /**
     * Adds the events of one host matching the sides of {@code c} in {@code sides} (bit per side) to {@code out},
     * unordered: the per-host share of {@link #attribute}, for lookups routed to the replica holding the host.
     */
    void attributeHost(ConnectionTuple c, String hostId, int sides, MatchCollector out) {
        lock.readLock().lock();
        try {
            int host = hosts.find(hostId);
            if (host < 0) {
                return;
            }
            if ((sides & (1 << MatchCollector.ORIG)) != 0) {
                lookup.orig(host, c, out);
            }
            if ((sides & (1 << MatchCollector.RESP)) != 0) {
                lookup.resp(host, c, out);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    private void evictOldest(boolean byCount) {
        long seq = log.tail();
        EventSegment s = log.segment(seq);
        int i = (int) (seq & EventSegment.MASK);
        long key = key(s.host[i], s.localPort(i), s.remotePort(i));
        long head = chains.get(key);
        if (head == seq) {
            // The oldest event heads its chain only when it is the chain's last live event.
            chains.remove(key);
        }
        if (byCount) {
            hotFloor = Math.max(hotFloor, s.receivedAt(i));
        }
        if (byCount && !Rules.connectType(s.hot, i * EventSegment.STRIDE)) {
            listeners.evictingBind(key, s, i, head != seq && newerBind(head, seq));
        }
        log.removeOldest();
    }

    /**
     * Receipt time of the newest bind-type event of (host, local port) that memory no longer holds, or
     * {@link Long#MIN_VALUE}: when it is within retention, binds of that key must also be looked up in the database.
     */
    long lostBindAt(String hostId, int localPort) {
        lock.readLock().lock();
        try {
            int host = hosts.find(hostId);
            long lost = host < 0 ? Long.MIN_VALUE : listeners.lostAt(key(host, localPort, 0));
            return Math.max(lost, lostBindsEverywhere);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * After a rebuild that replayed only the newest rows: events received up to {@code receivedAt} are in the
     * database only, binds included.
     */
    void skippedUpTo(long receivedAt) {
        hotFloor = Math.max(hotFloor, receivedAt);
        lostBindsEverywhere = Math.max(lostBindsEverywhere, receivedAt);
    }

    /**
     * Whether the chain from {@code head} holds a bind-type event newer than {@code seq}. Walks at most 64 events
     * (a key's binds are few: a listener is bound once per start); a longer walk answers yes, so the evicted bind
     * counts as dropped and the database is asked — never a wrong pin, never a long walk.
     */
    private boolean newerBind(long head, long seq) {
        long cur = head;
        for (int steps = 0; cur > seq && steps < 64; steps++) {
            EventSegment s = log.segment(cur);
            int row = (int) (cur & EventSegment.MASK) * EventSegment.STRIDE;
            if (!Rules.connectType(s.hot, row)) {
                return true;
            }
            cur = EventSegment.next(s.hot, row, cur);
        }
        return cur > seq;
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

    /** Receipt time (epoch ms) of the newest event evicted by count, or {@link Long#MIN_VALUE} when none was. */
    long hotFloor() {
        return hotFloor;
    }

    long windowMillis() {
        return windowMillis;
    }

    long retentionMillis() {
        return retentionMillis;
    }

    /** Listener pins held outside the log. */
    int pinned() {
        lock.readLock().lock();
        try {
            return pins.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The ids of the hosts owning an address (rule 2). */
    List<String> hostIds(long hi, long lo) {
        lock.readLock().lock();
        try {
            int[] ids = addressHosts.get(hi, lo);
            List<String> out = new java.util.ArrayList<>(ids.length);
            for (int id : ids) {
                out.add(hosts.hostId(id));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The hostname the index knows for a host id, or {@code null}. */
    @org.jspecify.annotations.Nullable
    String hostname(String hostId) {
        lock.readLock().lock();
        try {
            int id = hosts.find(hostId);
            return id < 0 ? null : hosts.hostname(id);
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

    /** Approximate heap bytes of the event storage and the key table. */
    long footprint() {
        lock.readLock().lock();
        try {
            return log.segments() * EventSegment.footprint() + chains.footprint() + listeners.footprint();
        } finally {
            lock.readLock().unlock();
        }
    }
}
