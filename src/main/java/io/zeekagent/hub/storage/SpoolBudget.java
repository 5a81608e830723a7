package io.zeekagent.hub.storage;

import java.util.concurrent.atomic.AtomicLong;

/** The disk all streams' spools may take together ({@code hub.spool.max-size}), shared by their writer threads. */
final class SpoolBudget {

    private final long max;
    private final AtomicLong used = new AtomicLong();

    SpoolBudget(long max) {
        this.max = max;
    }

    /** Takes {@code bytes} of the budget; false, taking nothing, when they do not fit. */
    boolean tryReserve(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > max) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** Counts bytes already on disk (segments found at start), whether or not they fit. */
    void add(long bytes) {
        used.addAndGet(bytes);
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }

    long max() {
        return max;
    }
}
