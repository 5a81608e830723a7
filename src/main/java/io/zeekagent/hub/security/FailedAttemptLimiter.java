package io.zeekagent.hub.security;

import java.time.Duration;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address for failed key attempts, in its GCRA form (one "theoretical arrival time" per
 * address, integer nanoseconds, no floating-point drift): each failure takes a token, tokens refill evenly over the
 * window, and an address without a token is refused until one has refilled. Guessing keys is thereby capped at
 * {@code maxFailures} per window per address, while a client that mistyped once is not locked out.
 *
 * <p>Memory is bounded: past {@value #MAX_TRACKED} addresses, addresses whose bucket has refilled are dropped (they
 * hold no information), and if every bucket is still in use, arbitrary ones go.
 */
final class FailedAttemptLimiter {

    static final int MAX_TRACKED = 10_000;

    private final long interval;
    private final long tolerance;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Long> theoreticalArrival = new ConcurrentHashMap<>();

    FailedAttemptLimiter(int maxFailures, Duration window, LongSupplier nanoClock) {
        this.interval = window.toNanos() / maxFailures;
        this.tolerance = window.toNanos() - interval;
        this.nanoClock = nanoClock;
    }

    /** How long {@code address} must wait before trying a key again, or empty if it may try now. */
    OptionalLong retryAfterSeconds(String address) {
        Long tat = theoreticalArrival.get(address);
        if (tat == null) {
            return OptionalLong.empty();
        }
        long wait = tat - nanoClock.getAsLong() - tolerance;
        if (wait <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (wait + 999_999_999L) / 1_000_000_000L));
    }

    /** Takes a token from {@code address}'s bucket. */
    void recordFailure(String address) {
        long now = nanoClock.getAsLong();
        if (theoreticalArrival.size() >= MAX_TRACKED && !theoreticalArrival.containsKey(address)) {
            evict(now);
        }
        // Capped so that failures while already throttled do not push the wait beyond one window.
        theoreticalArrival.merge(
                address,
                now + interval,
                (tat, fresh) -> Math.min(Math.max(tat, now) + interval, now + tolerance + interval));
    }

    int trackedAddresses() {
        return theoreticalArrival.size();
    }

    private void evict(long now) {
        theoreticalArrival.values().removeIf(tat -> tat <= now);
        Iterator<String> it = theoreticalArrival.keySet().iterator();
        while (theoreticalArrival.size() >= MAX_TRACKED && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
