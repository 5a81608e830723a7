package io.zeekagent.hub.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The keys and time bounds a group of connections needs from the database ({@link TieredAttributor}): which sides
 * of which connections probe it, the connect-type and bind-type {@link ColdKey}s (deduplicated, in first-use order),
 * and the event-time range the connect window spans. One group becomes one cold statement.
 */
final class ColdProbes {
    private final Map<Integer, Integer> sides = new HashMap<>();
    private final List<Integer> order = new ArrayList<>();
    private final LinkedHashSet<Long> connect = new LinkedHashSet<>();
    private final LinkedHashSet<Long> bind = new LinkedHashSet<>();
    private long eventFrom = Long.MAX_VALUE;
    private long eventTo = Long.MIN_VALUE;
    private boolean unbounded;
    /** Some probed host's partition is still replaying here: its events of any receipt time may be missing. */
    boolean replaying;

    int size() {
        return connect.size() + bind.size();
    }

    void add(int q, byte side) {
        Integer known = sides.get(q);
        if (known == null) {
            order.add(q);
        }
        sides.put(q, (known == null ? 0 : known) | (1 << side));
    }

    void connect(long key) {
        connect.add(key);
    }

    void bind(long key) {
        bind.add(key);
    }

    void bound(long ts, long window) {
        if (ts == ConnectionTuple.UNKNOWN_TIME) {
            unbounded = true;
        } else {
            eventFrom = Math.min(eventFrom, ts - window);
            eventTo = Math.max(eventTo, ts + window);
        }
    }

    List<Integer> tuples() {
        return order;
    }

    int sides(int q) {
        return sides.getOrDefault(q, 0);
    }

    long[] connectKeys() {
        return connect.stream().mapToLong(Long::longValue).toArray();
    }

    long[] bindKeys() {
        return bind.stream().mapToLong(Long::longValue).toArray();
    }

    @Nullable
    Instant eventFrom() {
        return unbounded || eventFrom == Long.MAX_VALUE ? null : Instant.ofEpochMilli(eventFrom);
    }

    @Nullable
    Instant eventTo() {
        return unbounded || eventTo == Long.MIN_VALUE ? null : Instant.ofEpochMilli(eventTo);
    }
}
