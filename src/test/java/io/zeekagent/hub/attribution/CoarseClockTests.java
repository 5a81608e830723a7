package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Tests for {@link CoarseClock}. */
class CoarseClockTests {

    final CoarseClock clock = CoarseClock.utc();

    @Test
    void isNeverAheadOfTheSystemClockAndAtMostAFewTicksBehind() {
        for (int i = 0; i < 1_000; i++) {
            long before = System.currentTimeMillis();
            long coarse = clock.millis();
            long after = System.currentTimeMillis();
            assertThat(coarse).isLessThanOrEqualTo(after);
            // A tick plus generous room for a descheduled ticker on a loaded CI machine.
            assertThat(coarse).isGreaterThan(before - 1_000);
        }
    }

    @Test
    void advancesWithTheSystemClock() {
        long start = clock.millis();
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> clock.millis() >= start + 3 * CoarseClock.TICK_MILLIS);
        assertThat(clock.instant().toEpochMilli()).isGreaterThanOrEqualTo(start + 3 * CoarseClock.TICK_MILLIS);
    }

    @Test
    void isUtcAndGivesASystemClockForAnotherZone() {
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
        assertThat(clock.withZone(ZoneId.of("Europe/Berlin")).getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }
}
