package io.zeekagent.hub.zeek;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may send the compat control events: nobody unless {@code hub.zeek.control-enabled}; with
 * {@code hub.zeek.control-keys}, only connections that authenticated with one of those CURVE keys (the key ZeroMQ
 * vouches for, not anything the event says about its sender). A refused key is logged at most once per interval each,
 * since its Zeek replays every call whenever it hears the hub's hello.
 */
final class CompatAccess {

    static final String DISABLED = "disabled";
    static final String KEY_REFUSED = "key-refused";

    private static final Logger log = LoggerFactory.getLogger(CompatAccess.class);
    private static final String NO_KEY = "(none)";

    private final boolean enabled;
    private final Set<String> keys;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Long> nextLog = new ConcurrentHashMap<>();

    CompatAccess(boolean enabled, Set<String> keys, Duration logInterval, LongSupplier nanoTime) {
        this.enabled = enabled;
        this.keys = Set.copyOf(keys);
        this.intervalNanos = logInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** As configured: no key check when {@code keys} is empty; refusals logged at most every 10 s per key. */
    CompatAccess(boolean enabled, Set<String> keys) {
        this(enabled, keys, Duration.ofSeconds(10), System::nanoTime);
    }

    /**
     * Why a control event from a connection authenticated with {@code senderKey} ({@code null}: unknown) is refused;
     * {@code null} when it may be carried out.
     */
    @Nullable
    Refusal check(CompatCall call, @Nullable String senderKey, String senderNodeId) {
        if (!enabled) {
            return new Refusal(DISABLED, "control events are disabled in the hub (hub.zeek.control-enabled=false)");
        }
        if (keys.isEmpty() || (senderKey != null && keys.contains(senderKey))) {
            return null;
        }
        String key = senderKey == null ? NO_KEY : senderKey;
        if (shouldLog(key)) {
            log.warn(
                    "Refused Zeek control events of {} (node {}): its CURVE key '{}' is not in hub.zeek.control-keys"
                            + " (logged once per key every {} s)",
                    call.owner(),
                    senderNodeId,
                    key,
                    Duration.ofNanos(intervalNanos).toSeconds());
        }
        return new Refusal(
                KEY_REFUSED,
                "control events from CURVE key '" + key + "' are refused by the hub (not in hub.zeek.control-keys)");
    }

    /** Whether a refusal of {@code key} is logged now; the map holds at most the keys the ZAP handler admits. */
    private boolean shouldLog(String key) {
        long now = nanoTime.getAsLong();
        Long next = nextLog.get(key);
        if (next != null && now - next < 0) {
            return false;
        }
        nextLog.put(key, now + intervalNanos);
        return true;
    }

    /** A refused call: its outcome tag on {@code hub.zeek.compat.calls} and what {@code compat_error} tells Zeek. */
    record Refusal(String outcome, String message) {}
}
