package io.zeekagent.hub.security;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address for failed key attempts: each failure takes a token, tokens refill evenly over
 * the window, and an address without a token is refused until one has refilled. Guessing keys is thereby capped at
 * {@code maxFailures} per window per address, while a client that mistyped once is not locked out.
 *
 * <p>Memory is bounded: past {@value #MAX_TRACKED} addresses, buckets that have refilled completely are dropped
 * (they hold no information), and if every bucket is still in use the oldest-looking ones go.
 */
final class FailedAttemptLimiter {

    static final int MAX_TRACKED = 10_000;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    FailedAttemptLimiter(int maxFailures, Duration window, LongSupplier nanoClock) {
        this.capacity = maxFailures;
        this.tokensPerNano = maxFailures / (double) window.toNanos();
        this.nanoClock = nanoClock;
    }

    /** How long {@code address} must wait before trying a key again, or empty if it may try now. */
    OptionalLong retryAfterSeconds(String address) {
        Bucket bucket = buckets.get(address);
        if (bucket == null) {
            return OptionalLong.empty();
        }
        synchronized (bucket) {
            bucket.refill(nanoClock.getAsLong());
            if (bucket.tokens >= 1.0) {
                return OptionalLong.empty();
            }
            double missingNanos = (1.0 - bucket.tokens) / tokensPerNano;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(missingNanos / 1_000_000_000d)));
        }
    }

    /** Takes a token from {@code address}'s bucket. */
    void recordFailure(String address) {
        if (buckets.size() >= MAX_TRACKED && !buckets.containsKey(address)) {
            evictRefilled();
        }
        Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(capacity, nanoClock.getAsLong()));
        synchronized (bucket) {
            bucket.refill(nanoClock.getAsLong());
            bucket.tokens = Math.max(0.0, bucket.tokens - 1.0);
        }
    }

    int trackedAddresses() {
        return buckets.size();
    }

    private void evictRefilled() {
        long now = nanoClock.getAsLong();
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                e.getValue().refill(now);
                return e.getValue().tokens >= capacity;
            }
        });
        var it = buckets.keySet().iterator();
        while (buckets.size() >= MAX_TRACKED && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** One address's tokens; guarded by its own monitor. */
    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        void refill(long now) {
            long elapsed = now - refilledAt;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
                refilledAt = now;
            }
        }
    }
}
