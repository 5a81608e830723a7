package io.zeekagent.hub.attribution;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the index with its configured bounds and publishes its size and eviction counters as metrics. */
@Configuration(proxyBeanMethods = false)
class AttributionConfiguration {

    @Bean
    AttributionIndex attributionIndex(AttributionProperties properties) {
        return new AttributionIndex(properties.retention(), properties.maxEvents(), properties.connectWindow());
    }

    @Bean
    MeterBinder attributionMetrics(AttributionIndex index) {
        return (MeterRegistry registry) -> {
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
            FunctionCounter.builder("hub.attribution.lookups", index, AttributionIndex::attributed)
                    .description("Connections attributed (one per conn.log record looked up)")
                    .register(registry);
            FunctionCounter.builder("hub.attribution.events.skipped", index, AttributionIndex::skipped)
                    .description("Socket events not indexed: no port, or an unparsable address")
                    .register(registry);
        };
    }
}
