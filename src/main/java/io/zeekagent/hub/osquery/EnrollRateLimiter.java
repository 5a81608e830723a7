package io.zeekagent.hub.osquery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Enroll requests per client address per minute, in fixed one-minute windows: enough against enrollment floods
 * (cloned machines re-enrolling in a loop) and secret guessing, with bounded memory.
 */
final class EnrollRateLimiter {

    private static final long MINUTE = 60_000_000_000L;
    private static final int MAX_TRACKED = 10_000;

    private final int perMinute;
    private final LongSupplier nanos;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    EnrollRateLimiter(int perMinute, LongSupplier nanos) {
        this.perMinute = perMinute;
        this.nanos = nanos;
    }

    /** Takes one request of the address's allowance; false when the allowance of this minute is used up. */
    boolean tryAcquire(String address) {
        long now = nanos.getAsLong();
        if (windows.size() >= MAX_TRACKED && !windows.containsKey(address)) {
            windows.values().removeIf(w -> now - w[0] >= MINUTE);
            if (windows.size() >= MAX_TRACKED) {
                windows.clear();
            }
        }
        long[] w = windows.computeIfAbsent(address, a -> new long[] {now, 0});
        synchronized (w) {
            if (now - w[0] >= MINUTE) {
                w[0] = now;
                w[1] = 0;
            }
            return ++w[1] <= perMinute;
        }
    }
}
