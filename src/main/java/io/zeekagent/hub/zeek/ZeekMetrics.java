package io.zeekagent.hub.zeek;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the Zeek request path, kept in plain {@link LongAdder}s (read by Micrometer and by the activity
 * summary) plus the answer latency timer: {@code hub.zeek.requests}, {@code hub.zeek.answers{complete}},
 * {@code hub.zeek.drops{reason}}, {@code hub.zeek.hellos}, {@code hub.zeek.answer.latency}, {@code hub.zeek.inboxes}.
 */
final class ZeekMetrics {

    final LongAdder requests = new LongAdder();
    final LongAdder answeredComplete = new LongAdder();
    final LongAdder answeredIncomplete = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder inboxNotSubscribed = new LongAdder();
    final LongAdder hellos = new LongAdder();
    private final Timer latency;

    ZeekMetrics(MeterRegistry registry, InboxTracker inboxes) {
        counter(registry, "hub.zeek.requests", requests, "Attribution requests received from Zeek");
        counter(registry, "hub.zeek.answers", answeredComplete, "Attribution responses published", "complete", "true");
        counter(
                registry,
                "hub.zeek.answers",
                answeredIncomplete,
                "Attribution responses published",
                "complete",
                "false");
        counter(registry, "hub.zeek.drops", malformed, "Zeek requests not answered", "reason", "malformed");
        counter(
                registry,
                "hub.zeek.drops",
                inboxNotSubscribed,
                "Zeek requests not answered",
                "reason",
                "inbox-not-subscribed");
        counter(registry, "hub.zeek.hellos", hellos, "hub_hello events published");
        Gauge.builder("hub.zeek.inboxes", inboxes, InboxTracker::size)
                .description("Zeek inboxes subscribed right now")
                .register(registry);
        latency = Timer.builder("hub.zeek.answer.latency")
                .description("From a request's decoding to its answer being queued for sending")
                .register(registry);
    }

    private static void counter(
            MeterRegistry registry, String name, LongAdder adder, String description, String... tags) {
        FunctionCounter.builder(name, adder, LongAdder::doubleValue)
                .description(description)
                .tags(tags)
                .register(registry);
    }

    void answered(boolean complete, long nanos) {
        (complete ? answeredComplete : answeredIncomplete).increment();
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    long answered() {
        return answeredComplete.sum() + answeredIncomplete.sum();
    }
}
