package io.zeekagent.hub.cluster;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code hub.cluster.engine=embedded} (the default): one node owns every host and leads; no Kafka class is loaded. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.cluster.engine", havingValue = "embedded", matchIfMissing = true)
class EmbeddedClusterConfiguration {

    @Bean
    HostOwnership hostOwnership() {
        return HostOwnership.everyHost();
    }

    @Bean
    IndexPartitions indexPartitions() {
        return IndexPartitions.single();
    }

    @Bean
    Leadership leadership() {
        return () -> true;
    }
}
