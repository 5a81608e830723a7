package io.zeekagent.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Tests for {@link FailedAttemptLimiter}. */
class FailedAttemptLimiterTests {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final FailedAttemptLimiter limiter = new FailedAttemptLimiter(10, Duration.ofMinutes(1), nanos::get);

    @Test
    void tenFailuresAreToleratedTheEleventhAttemptWaits() {
        for (int i = 0; i < 9; i++) {
            limiter.recordFailure("192.0.2.1");
        }
        assertThat(limiter.retryAfterSeconds("192.0.2.1")).isEmpty();
        limiter.recordFailure("192.0.2.1");
        assertThat(limiter.retryAfterSeconds("192.0.2.1")).hasValue(6);
    }

    @Test
    void tokensRefillOverTheWindow() {
        for (int i = 0; i < 10; i++) {
            limiter.recordFailure("192.0.2.1");
        }
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(limiter.retryAfterSeconds("192.0.2.1")).hasValue(1);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.retryAfterSeconds("192.0.2.1")).isEmpty();
    }

    @Test
    void addressesAreLimitedSeparately() {
        for (int i = 0; i < 10; i++) {
            limiter.recordFailure("192.0.2.1");
        }
        assertThat(limiter.retryAfterSeconds("192.0.2.2")).isEmpty();
    }

    @Test
    void memoryStaysBoundedUnderManyAddresses() {
        for (int i = 0; i < FailedAttemptLimiter.MAX_TRACKED + 500; i++) {
            limiter.recordFailure("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(limiter.trackedAddresses()).isLessThanOrEqualTo(FailedAttemptLimiter.MAX_TRACKED);
    }
}
