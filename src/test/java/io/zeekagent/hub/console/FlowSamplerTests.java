package io.zeekagent.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link FlowSampler}. */
class FlowSamplerTests {

    private final Map<String, Double> totals = new HashMap<>();
    private final MutableClock clock = new MutableClock();

    private FlowSampler sampler(Duration interval, Duration window) {
        return new FlowSampler(() -> totals, clock, new ConsoleProperties(interval, window));
    }

    @Test
    void derivesRatesPerSecondFromRunningTotals() {
        FlowSampler sampler = sampler(Duration.ofSeconds(5), Duration.ofMinutes(15));
        totals.put("ingest", 100.0);
        sampler.sample();
        clock.advance(Duration.ofSeconds(5));
        totals.put("ingest", 150.0);
        sampler.sample();
        clock.advance(Duration.ofSeconds(5));
        totals.put("ingest", 150.0);
        sampler.sample();

        FlowSeriesResponse response = sampler.series();
        assertThat(response.times()).hasSize(2);
        FlowSeries ingest = series(response, "ingest");
        assertThat(ingest.perSecond()).containsExactly(10.0, 0.0);
        assertThat(ingest.total()).isEqualTo(50.0);
        assertThat(ingest.kind()).isEqualTo(FlowMeters.RATE);
        assertThat(ingest.label()).isEqualTo("Socket events ingested");
    }

    @Test
    void keepsOnlyTheWindow() {
        FlowSampler sampler = sampler(Duration.ofSeconds(1), Duration.ofSeconds(10));
        for (int i = 0; i < 50; i++) {
            totals.put("ingest", (double) i);
            sampler.sample();
            clock.advance(Duration.ofSeconds(1));
        }

        FlowSeriesResponse response = sampler.series();
        assertThat(response.times()).hasSize(10);
        assertThat(series(response, "ingest").perSecond()).containsOnly(1.0);
    }

    @Test
    void countsADropReasonThatAppearsLateFromZeroAndNeverNegative() {
        FlowSampler sampler = sampler(Duration.ofSeconds(1), Duration.ofMinutes(1));
        sampler.sample();
        clock.advance(Duration.ofSeconds(1));
        totals.put("hub.zeromq.drops:queue-full", 7.0);
        sampler.sample();
        clock.advance(Duration.ofSeconds(1));
        totals.put("hub.zeromq.drops:queue-full", 9.0);
        sampler.sample();
        clock.advance(Duration.ofSeconds(1));
        totals.put("hub.zeromq.drops:queue-full", 1.0);
        sampler.sample();

        FlowSeries drops = series(sampler.series(), "hub.zeromq.drops:queue-full");
        assertThat(drops.perSecond()).containsExactly(0.0, 2.0, 0.0);
        assertThat(drops.kind()).isEqualTo(FlowMeters.DROP);
        assertThat(drops.label()).isEqualTo("zeromq: queue-full");
    }

    @Test
    void listsTheRatesEvenBeforeTheFirstSample() {
        FlowSeriesResponse response =
                sampler(Duration.ofSeconds(5), Duration.ofMinutes(15)).series();

        assertThat(response.times()).isEmpty();
        assertThat(response.series()).extracting(FlowSeries::id).containsExactly("ingest", "results", "attributions");
        assertThat(response.intervalSeconds()).isEqualTo(5.0);
        assertThat(response.windowSeconds()).isEqualTo(900);
    }

    @Test
    void refusesAnIntervalLongerThanTheWindow() {
        assertThatThrownBy(() -> new ConsoleProperties(Duration.ofMinutes(20), Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.console.sample-interval");
    }

    private static FlowSeries series(FlowSeriesResponse response, String id) {
        return response.series().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-30T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
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
