package io.zeekagent.hub.zeek;

import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.subscription.SubscriptionResponse;
import io.zeekagent.hub.subscription.SubscriptionService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes compat subscriptions their Zeek left behind, which REST cannot delete (409): those of a Zeek that has not
 * called since the hub started, once the hub has run {@code hub.zeek.control-orphan-after}; and those a Zeek's
 * current process did not replay within that time after it first called (its script no longer makes them).
 */
final class CompatSweep {

    private static final Logger log = LoggerFactory.getLogger(CompatSweep.class);

    private final SubscriptionService subscriptions;
    private final CompatRegistry registry;
    private final ActivityLog activity;
    private final Clock clock;
    private final Duration grace;
    private final Instant started;

    CompatSweep(
            SubscriptionService subscriptions,
            CompatRegistry registry,
            ActivityLog activity,
            Clock clock,
            Duration grace) {
        this.subscriptions = subscriptions;
        this.registry = registry;
        this.activity = activity;
        this.clock = clock;
        this.grace = grace;
        this.started = clock.instant();
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void sweep() {
        try {
            Instant now = clock.instant();
            for (SubscriptionResponse s : subscriptions.enabledSubscriptions()) {
                String owner = s.owner();
                if (owner != null
                        && s.id().startsWith(CompatRowForwarder.COOKIE_PREFIX)
                        && registry.isOrphan(s.id(), owner, started, now, grace)
                        && subscriptions.deleteOwned(s.id(), owner)) {
                    registry.remove(s.id());
                    activity.record(
                            "zeek",
                            owner,
                            ActivityLog.Level.INFO,
                            "Deleted subscription " + s.id() + " (" + s.event() + "): " + owner
                                    + " did not make it again within " + grace);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not sweep compat subscriptions; trying again in a minute", e);
        }
    }
}
