package io.zeekagent.hub.attribution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Counts attributions by the tier their matches came from ({@code hub.attribution.lookups{tier}}) and incomplete
 * answers by reason ({@code hub.attribution.incomplete{reason}}).
 */
final class AttributionMetrics {

    private final @Nullable Counter[] lookups = new Counter[Completeness.TIERS.size()];
    private final @Nullable Counter[] incomplete = new Counter[Completeness.REASONS.size()];

    AttributionMetrics(@Nullable MeterRegistry registry) {
        if (registry == null) {
            return;
        }
        for (int t = 0; t < lookups.length; t++) {
            lookups[t] = Counter.builder("hub.attribution.lookups")
                    .tag("tier", Completeness.TIERS.get(t))
                    .description("Attributions, by the tier their matches came from (none: no match)")
                    .register(registry);
        }
        for (int r = 0; r < incomplete.length; r++) {
            incomplete[r] = Counter.builder("hub.attribution.incomplete")
                    .tag("reason", Completeness.REASONS.get(r))
                    .description("Attributions that may miss events, by reason")
                    .register(registry);
        }
    }

    void record(Completeness state) {
        Counter c = lookups[state.tiers];
        if (c == null) {
            return;
        }
        c.increment();
        for (int r = 0; r < incomplete.length; r++) {
            Counter reason = incomplete[r];
            if ((state.reasons & (1 << r)) != 0 && reason != null) {
                reason.increment();
            }
        }
    }
}
