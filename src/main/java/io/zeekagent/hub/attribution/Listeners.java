package io.zeekagent.hub.attribution;

/**
 * What the index knows about bind/listen-type events beyond its log: the newest bind of each (host, local port) key
 * still in the log, the {@link PinnedEvents} that count eviction moved out of it, and when a bind of a key was last
 * dropped from memory altogether (then the database must be asked for that key's binds). Not thread-safe; the
 * index's lock guards it.
 */
final class Listeners {

    final PinnedEvents pins = new PinnedEvents();
    /** Key of a bind-type chain → sequence number of its newest bind-type event still in the log. */
    private final LongLongMap newest = new LongLongMap(256);
    /** Key of a bind-type chain → receipt time of the newest bind-type event of it dropped from memory. */
    private final LongLongMap lost = new LongLongMap(256);

    /** A bind-type event entered the log: it is the key's newest, and an older pin of the key is dropped. */
    void bound(long key, long seq) {
        newest.put(key, seq);
        long slot = pins.get(key);
        if (slot != LongLongMap.MISSING) {
            lost(key, pins.segment(slot).receivedAt[(int) (slot & EventSegment.MASK)]);
            pins.remove(key);
        }
    }

    /** The log is evicting slot {@code i} of {@code s} (sequence {@code seq}): pin or forget it as a listener. */
    void evicting(long key, long seq, EventSegment s, int i, boolean byCount) {
        if (newest.size() > 0 && newest.get(key) == seq) {
            // The newest bind of its (host, local port): a listener; pinned when only the count cap evicts it.
            newest.remove(key);
            if (byCount) {
                pins.pin(key, s, i);
            }
        } else if (byCount && !Rules.connectType(s.hot, i * EventSegment.STRIDE)) {
            lost(key, s.receivedAt[i]);
        }
    }

    /** Receipt time of the newest bind of {@code key} dropped from memory, or {@link Long#MIN_VALUE}. */
    long lostAt(long key) {
        long at = lost.size() == 0 ? LongLongMap.MISSING : lost.get(key);
        return at == LongLongMap.MISSING ? Long.MIN_VALUE : at;
    }

    private void lost(long key, long receivedAt) {
        long known = lost.get(key);
        if (known == LongLongMap.MISSING || known < receivedAt) {
            lost.put(key, receivedAt);
        }
    }

    long footprint() {
        return pins.footprint() + newest.footprint() + lost.footprint();
    }
}
