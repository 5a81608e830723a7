package io.zeekagent.hub.attribution;

import io.zeekagent.hub.host.HostAddresses;
import java.time.Duration;
import java.util.List;

/**
 * A ready {@link AttributionService} over an index with the shipped bounds, for tests and benchmarks of features
 * that answer from attribution (the service's constructor and host updates are package-private).
 */
public final class LiveAttributionFixture {

    private final AttributionService service;

    /** An empty, ready service with a 30 s connect window, 24 h retention and room for {@code maxEvents}. */
    public LiveAttributionFixture(long maxEvents) {
        service = new AttributionService(new AttributionIndex(Duration.ofHours(24), maxEvents, Duration.ofSeconds(30)));
        service.markReady();
    }

    /** An index that is still being rebuilt. */
    public static AttributionService notReady() {
        return new AttributionService(new AttributionIndex(Duration.ofHours(24), 1000, Duration.ofSeconds(30)));
    }

    public AttributionService service() {
        return service;
    }

    public LiveAttributionFixture host(HostAddresses host) {
        service.putHost(host);
        return this;
    }

    public LiveAttributionFixture events(List<SocketEventEntry> events) {
        service.index(events);
        return this;
    }
}
