package io.zeekagent.hub.stream;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The index consumer's replay state per partition: where a newly assigned partition is read from and when it has
 * caught up. A partition is read from the start of the hot window, or from just after the last record this replica
 * already indexed (the index keeps what it held before a revocation, and indexing a record twice would count its
 * events twice); it is caught up once the consumer's position reaches the end offset seen at assignment. Used on the
 * consumer's thread only.
 */
final class ReplayTracker {

    /** Partition → {end offset at assignment, assignment time in nanos}. */
    private final Map<Integer, long[]> replaying = new HashMap<>();
    /** Partition → the offset after the last record indexed here. */
    private final Map<Integer, Long> indexedUpTo = new HashMap<>();

    /**
     * A partition was assigned; returns the offset to read from.
     *
     * @param windowStart the first offset at or after the hot window's start, or null when there is none (read from
     *     the end)
     * @param end the partition's end offset now
     */
    long assign(int partition, @Nullable Long windowStart, long end, long nowNanos) {
        long start = windowStart == null ? end : windowStart;
        Long done = indexedUpTo.get(partition);
        if (done != null && done > start) {
            start = Math.min(done, end);
        }
        if (start < end) {
            replaying.put(partition, new long[] {end, nowNanos});
        } else {
            replaying.remove(partition);
        }
        return start;
    }

    boolean replaying(int partition) {
        return replaying.containsKey(partition);
    }

    boolean anyReplaying() {
        return !replaying.isEmpty();
    }

    /** A record of this partition was indexed. */
    void indexed(int partition, long offset) {
        indexedUpTo.put(partition, offset + 1);
    }

    /**
     * The consumer's position in a partition; returns the replay's duration in nanos when this made it catch up,
     * else -1.
     */
    long progress(int partition, long position, long nowNanos) {
        long[] state = replaying.get(partition);
        if (state == null || position < state[0]) {
            return -1;
        }
        replaying.remove(partition);
        return nowNanos - state[1];
    }

    /** The partition went to another replica (what the index holds of it stays until it ages out). */
    void revoke(int partition) {
        replaying.remove(partition);
    }

    Iterable<Integer> replayingPartitions() {
        return java.util.List.copyOf(replaying.keySet());
    }
}
