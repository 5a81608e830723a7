package io.zeekagent.hub.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.attribution.AttributionProperties;
import io.zeekagent.hub.attribution.AttributionService;
import io.zeekagent.hub.attribution.ColdTierProperties;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Enforces attribution's retention in the database, counting what it deletes: on a partitioned PostgreSQL table by
 * creating hourly partitions ahead and dropping expired ones ({@link SocketEventPartitions}), elsewhere by deleting
 * rows. The database is the cold tier, so it is no longer trimmed to memory's {@code max-events}: only to
 * {@code hub.attribution.cold.max-events} when set, or to memory's cap when the cold tier is off (nothing would read
 * the older rows).
 */
@Component
class SocketEventRetention implements org.springframework.beans.factory.SmartInitializingSingleton {

    private final SocketEventStore store;
    private final AttributionProperties properties;
    private final ColdTierProperties cold;
    private final AttributionService attribution;
    private final SocketEventPartitions partitions;
    private final Counter byRetention;
    private final Counter byCapacity;
    private final Clock clock = Clock.systemUTC();
    private volatile @org.jspecify.annotations.Nullable Boolean partitioned;

    SocketEventRetention(
            SocketEventStore store,
            AttributionProperties properties,
            ColdTierProperties cold,
            AttributionService attribution,
            JdbcTemplate jdbc,
            MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.cold = cold;
        this.attribution = attribution;
        this.partitions = new SocketEventPartitions(jdbc);
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
        Instant now = clock.instant();
        Instant cutoff = now.minus(properties.retention());
        if (isPartitioned()) {
            partitions.createAhead(now, cold.partitionsAhead());
            byRetention.increment(partitions.dropBefore(cutoff));
        } else {
            byRetention.increment(store.deleteReceivedBefore(cutoff));
        }
        long cap = cold.maxEvents() > 0 ? cold.maxEvents() : attribution.coldTierEnabled() ? 0 : properties.maxEvents();
        if (cap > 0) {
            byCapacity.increment(store.trimTo(cap));
        }
    }

    /** Creates the coming hours' partitions at start, before the writer commits its first batch. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            if (isPartitioned()) {
                partitions.createAhead(clock.instant(), cold.partitionsAhead());
            }
        } catch (RuntimeException e) {
            // The sweep retries; rows of hours without a partition land in the default partition meanwhile.
            org.slf4j.LoggerFactory.getLogger(SocketEventRetention.class)
                    .warn("Could not prepare socket-event partitions: {}", e.toString());
        }
    }

    private boolean isPartitioned() {
        Boolean known = partitioned;
        if (known == null) {
            known = store.isPostgres() && partitions.partitioned();
            partitioned = known;
        }
        return known;
    }
}
