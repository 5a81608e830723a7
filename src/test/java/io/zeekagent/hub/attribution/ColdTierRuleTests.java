package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The rules of {@link AttributionIndexTests} (every nested class: addresses incl. IPv6, candidate hosts, sides,
 * wildcards, protocols, time window, non-consumption) with every event held by the database tier only: memory has
 * evicted them all (its hot floor is past them), so each answer goes through {@link TieredAttributor}, the
 * {@link ColdMatcher} and the SQL semantics of {@link ListColdSource}, and must be the same.
 */
class ColdTierRuleTests extends AttributionIndexTests {

    final ListColdSource database = new ListColdSource();
    final TieredAttributor tiers = new TieredAttributor(
            index,
            // Through the coalescer the hub puts in front of the database: one caller at a time passes unchanged.
            new CoalescingColdSource(database, 2, 4096),
            new ColdTierProperties(
                    true, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(5), 0, 6, 500, 2),
            () -> false,
            new AttributionMetrics(null),
            Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));

    @Override
    void store(List<SocketEventEntry> events) {
        database.rows.addAll(events);
        // Memory no longer holds anything received up to now (the events' receipt is T0).
        index.skippedUpTo(T0.plusSeconds(1).toEpochMilli());
    }

    @Override
    boolean inMemory() {
        return false;
    }

    @Override
    void attribute(ConnectionTuple c, MatchCollector out) {
        Completeness state = new Completeness();
        tiers.attribute(c, out, state);
        assertThat(state.complete()).isTrue();
        assertThat(state.tier()).isEqualTo(out.size() == 0 ? "none" : "database");
    }
}
