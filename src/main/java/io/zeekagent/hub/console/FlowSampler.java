package io.zeekagent.hub.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Samples the running totals of the {@link FlowMeters} every {@code hub.console.sample-interval} and keeps the
 * last {@code hub.console.window} of them, from which {@link #series()} derives rates per second. A few hundred
 * small maps: the cost is one registry lookup per meter per sample, whether or not anyone looks.
 *
 * <p>{@code totals} reads the running totals ({@link FlowMeters#read} in the hub, a fake in tests).
 */
class FlowSampler {

    private final Supplier<Map<String, Double>> totals;
    private final Clock clock;
    private final ConsoleProperties properties;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    FlowSampler(Supplier<Map<String, Double>> totals, Clock clock, ConsoleProperties properties) {
        this.totals = totals;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedRateString = "${hub.console.sample-interval:5s}")
    void sample() {
        Sample s = new Sample(clock.instant(), Map.copyOf(totals.get()));
        synchronized (samples) {
            samples.addLast(s);
            while (samples.size() > properties.capacity()) {
                samples.removeFirst();
            }
        }
    }

    /** The rates over each interval of the window, oldest first; a series that did not exist yet counts zero. */
    FlowSeriesResponse series() {
        List<Sample> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
        }
        Set<String> ids = new LinkedHashSet<>();
        FlowMeters.RATES.forEach(r -> ids.add(r.id()));
        copy.forEach(s -> s.totals().keySet().stream().sorted().forEach(ids::add));
        List<Instant> times = new ArrayList<>();
        for (int i = 1; i < copy.size(); i++) {
            times.add(copy.get(i).at());
        }
        List<FlowSeries> series = new ArrayList<>();
        for (String id : ids) {
            List<Double> rates = new ArrayList<>(times.size());
            double total = 0;
            for (int i = 1; i < copy.size(); i++) {
                Sample previous = copy.get(i - 1);
                Sample s = copy.get(i);
                double before = previous.totals().getOrDefault(id, s.totals().getOrDefault(id, 0.0));
                // A counter that went down was re-registered (or reset): count from zero rather than negative.
                double delta = Math.max(0, s.totals().getOrDefault(id, before) - before);
                double seconds =
                        Math.max(0.001, (s.at().toEpochMilli() - previous.at().toEpochMilli()) / 1000.0);
                rates.add(Math.round(delta / seconds * 1000) / 1000.0);
                total += delta;
            }
            series.add(new FlowSeries(
                    id, FlowMeters.label(id), FlowMeters.isRate(id) ? FlowMeters.RATE : FlowMeters.DROP, rates, total));
        }
        return new FlowSeriesResponse(
                properties.sampleInterval().toMillis() / 1000.0,
                properties.window().toSeconds(),
                times,
                series);
    }

    /** The running totals at one instant. */
    private record Sample(Instant at, Map<String, Double> totals) {}
}
