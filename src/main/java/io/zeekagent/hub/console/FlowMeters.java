package io.zeekagent.hub.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which of the hub's own Micrometer counters the Flow page charts, and how to read their running totals: the rates
 * (socket events ingested, result rows, attributions) and every counter of dropped data, one series per reason.
 */
final class FlowMeters {

    /** Kind of a series that is a throughput. */
    static final String RATE = "rate";
    /** Kind of a series that counts data dropped for one reason. */
    static final String DROP = "drop";

    /** The throughput series, in display order. */
    static final List<Rate> RATES = List.of(
            new Rate("ingest", "Socket events ingested", "hub.ingest.events.written", null, null),
            new Rate("results", "Result rows", "hub.results.routed", "kind", "results"),
            new Rate("attributions", "Attributions", "hub.attribution.lookups", null, null));

    /** The counters of dropped data, and the tag that says why. */
    static final Map<String, String> DROPS = Map.of(
            "hub.ingest.events.dropped", "reason",
            "hub.results.dropped", "reason",
            "hub.zeromq.drops", "reason",
            "hub.writer.dropped", "reason",
            "hub.agent.malformed", "event");

    private FlowMeters() {}

    /** The running total of every series, by series id, as read now. */
    static Map<String, Double> read(MeterRegistry registry) {
        Map<String, Double> totals = new LinkedHashMap<>();
        for (Rate r : RATES) {
            Search search = registry.find(r.meter());
            if (r.tagKey() != null && r.tagValue() != null) {
                search = search.tag(r.tagKey(), r.tagValue());
            }
            double sum = 0;
            for (Meter m : search.meters()) {
                sum += count(m);
            }
            totals.put(r.id(), sum);
        }
        for (Map.Entry<String, String> drop : DROPS.entrySet()) {
            for (Meter m : registry.find(drop.getKey()).meters()) {
                String reason = m.getId().getTag(drop.getValue());
                String stream = m.getId().getTag("stream");
                if (stream != null) {
                    // The durable writer counts per stream: socket-events/buffer-full, results/spool-full ...
                    reason = stream + "/" + (reason == null ? "all" : reason);
                }
                totals.merge(dropId(drop.getKey(), reason == null ? "all" : reason), count(m), Double::sum);
            }
        }
        return totals;
    }

    /** The id of a drop series: the meter's name and the reason, e.g. {@code hub.zeromq.drops:queue-full}. */
    static String dropId(String meter, String reason) {
        return meter + ":" + reason;
    }

    /** The label of a series id. */
    static String label(String id) {
        for (Rate r : RATES) {
            if (r.id().equals(id)) {
                return r.label();
            }
        }
        int colon = id.lastIndexOf(':');
        String meter = colon < 0 ? id : id.substring(0, colon);
        String reason = colon < 0 ? "" : id.substring(colon + 1);
        String what = meter.replaceFirst("^hub\\.", "").replaceFirst("\\.(dropped|drops|malformed)$", "");
        return what + ": " + reason;
    }

    /** Whether the id names a throughput series (else a drop series). */
    static boolean isRate(String id) {
        return RATES.stream().anyMatch(r -> r.id().equals(id));
    }

    private static double count(Meter meter) {
        if (meter instanceof Counter c) {
            return c.count();
        }
        if (meter instanceof FunctionCounter f) {
            return f.count();
        }
        return 0;
    }

    /**
     * A throughput series.
     *
     * @param id the series id in the response
     * @param label what the page calls it
     * @param meter the Micrometer counter
     * @param tagKey a tag the counter must have, or null
     * @param tagValue that tag's value, or null
     */
    record Rate(
            String id,
            String label,
            String meter,
            @Nullable String tagKey,
            @Nullable String tagValue) {}
}
