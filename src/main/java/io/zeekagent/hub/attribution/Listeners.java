package io.zeekagent.hub.attribution;

/**
 * What the index knows about bind/listen-type events beyond its log: the {@link PinnedEvents} that count eviction
 * moved out of it (the newest bind of their (host, local port) key), and when a bind of a key was last dropped from
 * memory altogether (then the database must be asked for that key's binds). Not thread-safe; the index's lock
 * guards it.
 */
final class Listeners {

    final PinnedEvents pins = new PinnedEvents();
    /** Key of a bind-type chain → receipt time of the newest bind-type event of it dropped from memory. */
    private final LongLongMap lost = new LongLongMap(256);

    /** A bind-type event entered the log: it is the key's newest, so an older pin of the key is dropped. */
    void bound(long key) {
        if (pins.size() == 0) {
            return;
        }
        long slot = pins.get(key);
        if (slot != LongLongMap.MISSING) {
            lost(key, pins.segment(slot).receivedAt((int) (slot & EventSegment.MASK)));
            pins.remove(key);
        }
    }

    /**
     * The count cap is evicting bind-type slot {@code i} of {@code s}: pinned when it is its key's newest bind (a
     * listener), else dropped from memory (its key's binds are then looked up in the database too).
     */
    void evictingBind(long key, EventSegment s, int i, boolean newerBindInLog) {
        if (newerBindInLog) {
            lost(key, s.receivedAt(i));
        } else {
            pins.pin(key, s, i);
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
        return pins.footprint() + lost.footprint();
    }
}
