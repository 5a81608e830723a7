package io.zeekagent.hub.attribution;

import io.zeekagent.hub.host.HostAddressLookup;
import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.host.HostAddressesChanged;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the index at start — host addresses, then the stored events within retention — before the web server
 * and the ingestion writer start (an early lifecycle phase), keeps host addresses current, and evicts expired
 * events on a schedule.
 */
@Component
class IndexLifecycle implements SmartLifecycle {

    /** Before the web server (which starts near {@code Integer.MAX_VALUE}) and before ingestion's writer. */
    static final int PHASE = -1000;

    private static final Logger log = LoggerFactory.getLogger(IndexLifecycle.class);

    private final AttributionService service;
    private final AttributionProperties properties;
    private final ObjectProvider<HostAddressLookup> hostLookups;
    private final ObjectProvider<SocketEventHistory> histories;
    private final Clock clock;
    private final boolean fromStream;
    private volatile boolean running;

    IndexLifecycle(
            AttributionService service,
            AttributionProperties properties,
            ObjectProvider<HostAddressLookup> hostLookups,
            ObjectProvider<SocketEventHistory> histories,
            @Value("${hub.cluster.engine:embedded}") String engine) {
        // Replicas (engine=kafka) index only their partitions, replayed from Kafka on assignment, never the database.
        this.fromStream = "kafka".equalsIgnoreCase(engine.trim());
        this.service = service;
        this.properties = properties;
        this.hostLookups = hostLookups;
        this.histories = histories;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        hostLookups.orderedStream().forEach(lookup -> lookup.allHostAddresses().forEach(service::putHost));
        AtomicLong events = new AtomicLong();
        (fromStream ? java.util.stream.Stream.<SocketEventHistory>empty() : histories.orderedStream())
                .forEach(history -> {
                    java.time.Instant skipped = history.replayNewest(
                            clock.instant().minus(properties.retention()), properties.maxEvents(), batch -> {
                                service.index(batch);
                                events.addAndGet(batch.size());
                            });
                    if (skipped != null) {
                        // Older events stay in the database only: the cold tier answers for them.
                        service.index().skippedUpTo(skipped.toEpochMilli());
                    }
                });
        service.markReady();
        running = true;
        log.info(
                "Attribution index rebuilt: {} events replayed, {} indexed, in {} ms",
                events.get(),
                service.index().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @EventListener
    void onHostChanged(HostAddressesChanged change) {
        HostAddresses host = change.host();
        if (change.deleted()) {
            service.removeHost(host.hostId());
        } else {
            service.putHost(host);
        }
    }

    @Scheduled(fixedDelayString = "${hub.attribution.sweep-interval:10s}")
    void evictExpired() {
        int evicted = service.evictExpired(clock.instant());
        if (evicted > 0) {
            log.debug("Evicted {} socket events past retention", evicted);
        }
    }
}
