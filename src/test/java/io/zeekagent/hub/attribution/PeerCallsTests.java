package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link PeerCalls}: outcomes as meters and as the health component's {@code peers} detail. */
class PeerCallsTests {

    final MutableClock clock = new MutableClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final PeerCalls calls = new PeerCalls(meters, clock);

    @Test
    void countsEachOutcomeAndTheLookupsCarriedPerPeer() {
        calls.peer("r2").answered(10, 5_000_000);
        calls.peer("r2").failed(20, new HttpTimeoutException("request timed out"));
        calls.peer("r2").failed(30, new IOException("connection refused"));
        calls.peer("r3").noLease();

        assertThat(count("ok", "r2")).isEqualTo(1);
        assertThat(count("timeout", "r2")).isEqualTo(1);
        assertThat(count("error", "r2")).isEqualTo(1);
        assertThat(count("no-lease", "r3")).isEqualTo(1);
        assertThat(count("ok", "r3")).isZero();
        assertThat(meters.get("hub.attribution.peer.lookups")
                        .tag("peer", "r2")
                        .counter()
                        .count())
                .isEqualTo(60);
        assertThat(meters.get("hub.attribution.peer.lookups")
                        .tag("peer", "r3")
                        .counter()
                        .count())
                .isZero();
        // Only answered calls are timed: a timeout's duration is the configured limit, not the peer's speed.
        assertThat(meters.get("hub.attribution.peer.latency")
                        .tag("peer", "r2")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void showsFailuresInARowAndClearsThemOnTheNextAnswer() {
        calls.peer("r2").failed(1, new IOException("connection refused"));
        clock.advance(Duration.ofSeconds(3));
        calls.peer("r2").failed(1, new HttpTimeoutException("request timed out"));

        assertThat(calls.details()).containsEntry("status", "degraded");
        assertThat(peer("r2"))
                .containsEntry("lastOutcome", "timeout")
                .containsEntry("consecutiveFailures", 2)
                .containsEntry("lastCallAt", clock.instant().toString())
                .containsEntry("lastError", "java.net.http.HttpTimeoutException: request timed out");

        calls.peer("r2").answered(1, 1_000);

        assertThat(calls.details()).containsEntry("status", "ok");
        assertThat(peer("r2"))
                .containsEntry("lastOutcome", "ok")
                .containsEntry("consecutiveFailures", 0)
                .doesNotContainKey("lastError");
    }

    @Test
    void aFailureNotFollowedByAnyCallStopsDegradingAfterAWhile() {
        calls.peer("gone").failed(1, new IOException("connection refused"));
        clock.advance(Duration.ofMillis(PeerCalls.RECENT_MILLIS + 1));

        assertThat(calls.details()).containsEntry("status", "ok");
        assertThat(peer("gone")).containsEntry("lastOutcome", "error").containsEntry("consecutiveFailures", 1);
    }

    @Test
    void aPeerNotAskedForAnHourIsForgottenWithItsMetersWhenANewOneIsAsked() {
        calls.peer("old").answered(1, 1_000);
        clock.advance(Duration.ofMinutes(30));
        calls.peer("recent").answered(1, 1_000);
        clock.advance(Duration.ofMillis(
                PeerCalls.FORGET_MILLIS - Duration.ofMinutes(30).toMillis() + 1));

        calls.peer("new").noLease();

        assertThat(replicas()).containsOnlyKeys("recent", "new");
        assertThat(meters.find("hub.attribution.peer.calls").tag("peer", "old").meters())
                .isEmpty();
        assertThat(meters.find("hub.attribution.peer.latency")
                        .tag("peer", "old")
                        .meters())
                .isEmpty();
        assertThat(count("ok", "recent")).isEqualTo(1);
    }

    @Test
    void countsTheLookupsServedForOthers() {
        calls.served(7);
        calls.served(5);

        assertThat(meters.get("hub.attribution.peer.served").counter().count()).isEqualTo(12);
    }

    double count(String outcome, String peer) {
        return meters.get("hub.attribution.peer.calls")
                .tag("peer", peer)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> replicas() {
        return (Map<String, Object>) calls.details().get("replicas");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> peer(String replicaId) {
        return (Map<String, Object>) replicas().get(replicaId);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
