package io.zeekagent.hub.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.attribution.AttributionProperties;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Enforces attribution's retention and max-events in the database too, counting what it deletes. */
@Component
class SocketEventRetention {

    private final SocketEventStore store;
    private final AttributionProperties properties;
    private final Counter byRetention;
    private final Counter byCapacity;
    private final Clock clock = Clock.systemUTC();

    SocketEventRetention(SocketEventStore store, AttributionProperties properties, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.byRetention = counter(meters, "retention");
        this.byCapacity = counter(meters, "max-events");
    }

    private static Counter counter(MeterRegistry meters, String reason) {
        return Counter.builder("hub.ingest.events.evicted")
                .tag("reason", reason)
                .description("Socket events deleted from the database")
                .register(meters);
    }

    @Scheduled(
            fixedDelayString = "${hub.attribution.sweep-interval:10s}",
            initialDelayString = "${hub.attribution.sweep-interval:10s}")
    void sweep() {
        byRetention.increment(store.deleteReceivedBefore(clock.instant().minus(properties.retention())));
        byCapacity.increment(store.trimTo(properties.maxEvents()));
    }
}
