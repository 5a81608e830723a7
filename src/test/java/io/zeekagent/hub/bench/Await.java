package io.zeekagent.hub.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Polling waits for the end-to-end benchmarks (setup and drain, never inside a timed section's hot loop). */
final class Await {

    private Await() {}

    /** Waits until the condition holds; throws after {@code timeout}. */
    static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the value reaches {@code target} or stops changing for {@code quiet}; returns the last value. */
    static long settle(LongSupplier value, long target, Duration quiet) throws InterruptedException {
        long last = value.getAsLong();
        long since = System.nanoTime();
        while (last < target && System.nanoTime() - since < quiet.toNanos()) {
            Thread.sleep(50);
            long now = value.getAsLong();
            if (now != last) {
                last = now;
                since = System.nanoTime();
            }
        }
        return last;
    }
}
