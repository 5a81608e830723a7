package io.zeekagent.hub.zeromq;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts a dropped message and logs why, rate-limited per reason so one kind of garbage cannot hide another. */
final class DropRecorder {

    private static final Logger log = LoggerFactory.getLogger(DropRecorder.class);

    private final BridgeStats stats;
    private final Map<DropReason, RateLimitedLog> logs = new EnumMap<>(DropReason.class);

    DropRecorder(BridgeStats stats, Duration logInterval) {
        this.stats = stats;
        for (DropReason reason : DropReason.values()) {
            logs.put(reason, new RateLimitedLog(log, logInterval));
        }
    }

    /** Counts a drop; {@code detail} and {@code arg} go to the (rate-limited) log line only. */
    void drop(DropReason reason, String detail, Object arg) {
        stats.drop(reason);
        if (reason == DropReason.SELF_ECHO) {
            log.debug("Dropped our own message echoed on {}", arg);
            return;
        }
        logs.get(reason).warn("ZeroMQ bridge dropped a message ({}): " + detail, reason.tag(), arg);
    }
}
