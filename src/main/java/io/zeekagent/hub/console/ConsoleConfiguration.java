package io.zeekagent.hub.console;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Flow page's sampler to the hub's own meter registry. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    FlowSampler flowSampler(MeterRegistry registry, Clock clock, ConsoleProperties properties) {
        return new FlowSampler(() -> FlowMeters.read(registry), clock, properties);
    }
}
