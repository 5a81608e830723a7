package io.zeekagent.hub.attribution;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.cluster.ClusterPeers;
import io.zeekagent.hub.cluster.IndexPartitions;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cross-replica attribution, only with {@code hub.cluster.engine=kafka}: the router, the internal lookup API's
 * executor, transport and meters, and the address map kept current from the database. The single-node path never loads
 * these classes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.cluster.engine", havingValue = "kafka")
class ClusterAttributionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClusterAttributionConfiguration.class);

    /**
     * Calls in flight at once to one replica (per kind of answer); requests arriving while they run share the next
     * call instead of each making its own round trip (issue 21: single requests through another replica).
     */
    static final int PEER_CALLS_IN_FLIGHT = 1;

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService peerLookupExecutor(PeerProperties properties) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, properties.peerParallelism()), r -> {
            Thread t = new Thread(r, "peer-lookup-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    PeerCalls peerCalls(MeterRegistry meters) {
        return new PeerCalls(meters, Clock.systemUTC());
    }

    @Bean
    RoutedAttributor routedAttributor(
            TieredAttributor tiers,
            ObjectProvider<IndexPartitions> partitions,
            ClusterPeers peers,
            PeerProperties properties,
            PeerCalls peerCalls,
            ExecutorService peerLookupExecutor,
            Environment environment) {
        String key = properties.internalToken().isBlank()
                ? environment.getProperty("hub.security.admin-key", "")
                : properties.internalToken();
        if (key.isBlank()) {
            log.warn("Neither hub.cluster.internal-token nor hub.security.admin-key is set: other replicas will refuse"
                    + " this replica's attribution lookups, and their hosts will be answered from the database only"
                    + " (replica-unreachable)");
        }
        return new RoutedAttributor(
                tiers,
                partitions::getIfAvailable,
                peers,
                new CoalescingPeerTransport(
                        new HttpPeerTransport(properties.peerTimeout(), key.isBlank() ? null : key),
                        PEER_CALLS_IN_FLIGHT,
                        properties.peerBatch(),
                        properties.peerTimeout()),
                peerCalls,
                peerLookupExecutor,
                properties.peerBatch());
    }

    @Bean
    AddressMapSync addressMapSync(JdbcTemplate jdbc, AttributionService service) {
        return new AddressMapSync(jdbc, service);
    }
}
