package io.zeekagent.hub.zeek;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.subscription.SubscriptionKind;
import io.zeekagent.hub.subscription.SubscriptionResponse;
import io.zeekagent.hub.subscription.SubscriptionService;
import io.zeekagent.hub.subscription.UpdateType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Tests for {@link CompatSweep}: which compat subscriptions count as left behind by their Zeek. */
class CompatSweepTests {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(10);

    private final SubscriptionService subscriptions = mock(SubscriptionService.class);
    private final CompatRegistry registry = new CompatRegistry();
    private final MutableClock clock = new MutableClock(START);
    private final CompatSweep sweep = new CompatSweep(subscriptions, registry, mock(ActivityLog.class), clock, GRACE);

    @Test
    void keepsEverythingDuringTheGraceAfterTheHubStarted() {
        when(subscriptions.enabledSubscriptions()).thenReturn(List.of(owned("zeek-a", "zeek:s1")));
        clock.now = START.plus(Duration.ofMinutes(9));

        sweep.sweep();

        verify(subscriptions, never()).deleteOwned(anyString(), anyString());
    }

    @Test
    void deletesTheSubscriptionsOfAZeekThatNeverCameBack() {
        when(subscriptions.enabledSubscriptions())
                .thenReturn(List.of(owned("zeek-a", "zeek:gone"), owned("rest-1", null)));
        clock.now = START.plus(Duration.ofMinutes(11));

        sweep.sweep();

        verify(subscriptions).deleteOwned("zeek-a", "zeek:gone");
        verify(subscriptions, never()).deleteOwned("rest-1", "zeek:gone");
    }

    @Test
    void deletesOnlyWhatTheZeeksNewProcessDidNotReplay() {
        when(subscriptions.enabledSubscriptions())
                .thenReturn(List.of(owned("zeek-kept", "zeek:s1"), owned("zeek-dropped", "zeek:s1")));
        Instant replay = START.plus(Duration.ofMinutes(1));
        registry.registerInbox("zeek:s1", "zeek-agent-hub.node.p2.", replay);
        registry.put("zeek-kept", CompatRouteTests.ROUTE, replay.plusSeconds(1));
        clock.now = replay.plus(Duration.ofMinutes(11));

        sweep.sweep();

        verify(subscriptions).deleteOwned("zeek-dropped", "zeek:s1");
        verify(subscriptions, never()).deleteOwned("zeek-kept", "zeek:s1");
    }

    private static SubscriptionResponse owned(String id, @Nullable String owner) {
        return new SubscriptionResponse(
                id,
                "n",
                "SELECT pid FROM processes",
                "E::e",
                List.of("pid"),
                10,
                UpdateType.BOTH,
                SubscriptionKind.RESULTS,
                Set.of(),
                Set.of(),
                true,
                0,
                START,
                START,
                owner);
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
