package io.zeekagent.hub.attribution;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the index with its configured bounds and publishes its size and eviction counters as metrics. */
@Configuration(proxyBeanMethods = false)
class AttributionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AttributionConfiguration.class);

    /** Most keys of one coalesced statement (a batch group of 500 lines needs up to about 3,000 alone). */
    private static final int COALESCED_KEYS = 4096;

    private static double hotFloorAge(AttributionIndex index) {
        long floor = index.hotFloor();
        return floor == Long.MIN_VALUE ? Double.NaN : (System.currentTimeMillis() - floor) / 1000.0;
    }

    @Bean
    AttributionIndex attributionIndex(AttributionProperties properties) {
        return new AttributionIndex(properties.retention(), properties.maxEvents(), properties.connectWindow());
    }

    @Bean
    FlowMemory flowMemory(CommunityIdProperties properties) {
        return new FlowMemory(properties.maxEntries(), properties.ttl());
    }

    @Bean
    UserNames userNames() {
        return new UserNames();
    }

    @Bean
    MeterBinder communityIdMetrics(FlowMemory flows, UserNames users) {
        return (MeterRegistry registry) -> {
            Gauge.builder("hub.attribution.community-ids", flows, FlowMemory::size)
                    .description(
                            "Flows remembered by Community ID (POST /api/v1/attributions with a community_id alone)")
                    .register(registry);
            FunctionCounter.builder("hub.attribution.community-ids.evicted", flows, FlowMemory::evictedByCapacity)
                    .tag("reason", "max-entries")
                    .description("Flows forgotten to stay within hub.attribution.community-ids.max-entries")
                    .register(registry);
            FunctionCounter.builder("hub.attribution.community-ids.evicted", flows, FlowMemory::evictedByAge)
                    .tag("reason", "ttl")
                    .description("Flows forgotten after hub.attribution.community-ids.ttl")
                    .register(registry);
            FunctionCounter.builder("hub.attribution.community-ids.lookups", flows, FlowMemory::hits)
                    .tag("result", "hit")
                    .description("Look-ups of a community_id given alone")
                    .register(registry);
            FunctionCounter.builder("hub.attribution.community-ids.lookups", flows, FlowMemory::misses)
                    .tag("result", "miss")
                    .description("Look-ups of a community_id given alone")
                    .register(registry);
            Gauge.builder("hub.attribution.users", users, UserNames::size)
                    .description("User names (uid → name) learnt from hosts' users tables, over all hosts")
                    .register(registry);
            FunctionCounter.builder("hub.attribution.users.dropped", users, UserNames::dropped)
                    .description("Users not remembered: their host already reported the most kept per host")
                    .register(registry);
        };
    }

    @Bean
    TieredAttributor tieredAttributor(
            AttributionIndex index,
            ColdTierProperties properties,
            ObjectProvider<ColdEventSource> sources,
            ObjectProvider<IngestBacklog> backlogs,
            ObjectProvider<MeterRegistry> registries,
            ObjectProvider<HostReplay> replays) {
        ColdEventSource source = sources.getIfAvailable();
        Boolean enabled = properties.enabled();
        boolean on = source != null && (enabled != null ? enabled : source.enabledByDefault());
        if (on) {
            source.prepare();
        }
        log.info("Attribution cold tier (database) {}", on ? "enabled" : "disabled");
        // Resolved on first use: ingestion's backlog depends on attribution.
        IngestBacklog backlog = new IngestBacklog() {
            private volatile @org.jspecify.annotations.Nullable IngestBacklog resolved;

            @Override
            public boolean pending() {
                IngestBacklog b = resolved;
                if (b == null) {
                    b = backlogs.getIfAvailable(() -> () -> false);
                    resolved = b;
                }
                return b.pending();
            }
        };
        MeterRegistry registry = registries.getIfAvailable();
        CoalescingColdSource coalesced =
                on ? new CoalescingColdSource(source, properties.maxStatements(), COALESCED_KEYS) : null;
        if (coalesced != null && registry != null) {
            FunctionCounter.builder("hub.attribution.cold.statements", coalesced, CoalescingColdSource::statements)
                    .description("Cold-tier statements sent to the database")
                    .register(registry);
            FunctionCounter.builder("hub.attribution.cold.probes", coalesced, CoalescingColdSource::probes)
                    .description("Cold-tier probes answered; probes ÷ statements is how many shared a statement")
                    .register(registry);
        }
        TieredAttributor attributor = new TieredAttributor(
                index, coalesced, properties, backlog, new AttributionMetrics(registry), CoarseClock.utc());
        replays.ifAvailable(attributor::replay);
        return attributor;
    }

    @Bean
    MeterBinder attributionMetrics(AttributionIndex index) {
        return (MeterRegistry registry) -> {
            Gauge.builder("hub.attribution.hot.floor.age", index, AttributionConfiguration::hotFloorAge)
                    .description("Seconds since the receipt of the newest event evicted from memory by count"
                            + " (NaN: none); older connections are answered from the database")
                    .baseUnit("seconds")
                    .register(registry);
            Gauge.builder("hub.attribution.pinned", index, AttributionIndex::pinned)
                    .description("Listener (bind) events pinned in memory beyond max-events")
                    .register(registry);
            Gauge.builder("hub.attribution.events", index, AttributionIndex::size)
                    .description("Socket events held in the attribution index")
                    .register(registry);
            FunctionCounter.builder("hub.attribution.events.evicted", index, AttributionIndex::evictedByRetention)
                    .tag("reason", "retention")
                    .description("Socket events evicted from the index")
                    .register(registry);
            FunctionCounter.builder("hub.attribution.events.evicted", index, AttributionIndex::evictedByCapacity)
                    .tag("reason", "max-events")
                    .description("Socket events evicted from the index")
                    .register(registry);
            FunctionCounter.builder("hub.attribution.events.skipped", index, AttributionIndex::skipped)
                    .description("Socket events not indexed: no port, or an unparsable address")
                    .register(registry);
        };
    }
}
