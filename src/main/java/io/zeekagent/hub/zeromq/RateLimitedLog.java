package io.zeekagent.hub.zeromq;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs at most one warning per interval and reports how many were suppressed in between, so a peer sending garbage at
 * line rate cannot flood the log.
 */
final class RateLimitedLog {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextAllowed;
    private final AtomicLong suppressed = new AtomicLong();

    RateLimitedLog(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nextAllowed = new AtomicLong(System.nanoTime());
    }

    /** Logs {@code message} (with SLF4J {@code {}} placeholders) unless another one was logged within the interval. */
    void warn(String message, Object... args) {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if (now - next < 0 || !nextAllowed.compareAndSet(next, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return;
        }
        long skipped = suppressed.getAndSet(0);
        if (log.isWarnEnabled()) {
            log.warn(skipped == 0 ? message : message + " (" + skipped + " similar suppressed)", args);
        }
    }

    /** How many messages were suppressed since the last one logged. */
    long suppressed() {
        return suppressed.get();
    }
}
