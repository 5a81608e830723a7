package io.zeekagent.hub.system;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the hub's batch writers (socket events, results, activity) survive a database that is briefly away: the
 * batch is kept and tried again with a doubling backoff (up to {@link #MAX_BACKOFF_MILLIS}) for as long as the writer
 * runs, while new rows wait in the writer's bounded queue, where what does not fit is dropped and counted. A write
 * that fails for another reason (a bug, a constraint) would fail forever and is given up on at once.
 */
public final class DatabaseRetry {

    public static final long FIRST_BACKOFF_MILLIS = 100;
    public static final long MAX_BACKOFF_MILLIS = 2_000;

    private static final Logger log = LoggerFactory.getLogger(DatabaseRetry.class);

    private DatabaseRetry() {}

    /**
     * Runs {@code write} until it succeeds, waiting out a database outage while {@code keepTrying} holds.
     *
     * @param what the batch in words, for the log ("120 result rows")
     * @return {@code null} once written, otherwise the failure given up on: not an outage, an outage after
     *     {@code keepTrying} turned false (the writer is stopping), or an interrupted wait
     */
    public static @Nullable RuntimeException write(Runnable write, BooleanSupplier keepTrying, Supplier<String> what) {
        long backoff = FIRST_BACKOFF_MILLIS;
        long failingSince = 0;
        while (true) {
            try {
                write.run();
                if (failingSince != 0) {
                    log.info(
                            "Database reachable again after {} ms; {} written",
                            (System.nanoTime() - failingSince) / 1_000_000,
                            what.get());
                }
                return null;
            } catch (RuntimeException e) {
                if (!DatabaseOutage.isOutage(e) || !keepTrying.getAsBoolean()) {
                    return e;
                }
                if (failingSince == 0) {
                    failingSince = System.nanoTime();
                    log.warn("Database unavailable ({}); holding {} and retrying", e.getMessage(), what.get());
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    // Not re-asserted: the caller's last, uninterrupted attempt must not find its I/O interrupted.
                    return e;
                }
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }
}
