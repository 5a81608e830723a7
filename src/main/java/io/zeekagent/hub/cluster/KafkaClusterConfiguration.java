package io.zeekagent.hub.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code hub.cluster.engine=kafka}: this process is one of several replicas. Ownership and leases live in PostgreSQL,
 * the leader holds a PostgreSQL advisory lock. Refuses to start without PostgreSQL or without Kafka servers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.cluster.engine", havingValue = "kafka")
class KafkaClusterConfiguration {

    static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";

    KafkaClusterConfiguration(Environment environment) {
        check(environment);
    }

    /** Throws {@link IllegalStateException} naming what is missing for the kafka engine. */
    static void check(Environment environment) {
        boolean postgresProfile = Arrays.asList(environment.getActiveProfiles()).contains("postgres");
        String url = environment.getProperty("spring.datasource.url", "");
        if (!postgresProfile && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("hub.cluster.engine=kafka needs PostgreSQL for the state replicas share:"
                    + " run with the 'postgres' profile (spring.profiles.active=postgres), or set"
                    + " hub.cluster.engine=embedded for a single node");
        }
        String servers = environment.getProperty(BOOTSTRAP_SERVERS, "");
        if (servers.isBlank()) {
            throw new IllegalStateException("hub.cluster.engine=kafka needs the Kafka brokers: set "
                    + BOOTSTRAP_SERVERS + " (for example localhost:9092), or set hub.cluster.engine=embedded for a"
                    + " single node");
        }
    }

    @Bean
    ReplicaIdentity replicaIdentity(ClusterProperties properties) {
        return new ReplicaIdentity(properties);
    }

    @Bean
    JdbcHostOwnership hostOwnership(JdbcTemplate jdbc, ReplicaIdentity identity, MeterRegistry meters) {
        return new JdbcHostOwnership(jdbc, identity.replicaId(), meters);
    }

    @Bean
    AdvisoryLockLeadership leadership(DataSourceProperties dataSource) {
        return new AdvisoryLockLeadership(
                dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword());
    }

    @Bean
    ReplicaLeases replicaLeases(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            ReplicaIdentity identity,
            ClusterProperties properties) {
        return new ReplicaLeases(jdbc, transactions, events, identity.replicaId(), properties.lease());
    }

    @Bean
    ReplicaHeartbeat replicaHeartbeat(
            ReplicaLeases leases,
            AdvisoryLockLeadership leadership,
            ReplicaIdentity identity,
            ClusterProperties properties,
            MeterRegistry meters) {
        return new ReplicaHeartbeat(leases, leadership, identity, properties.heartbeat(), meters);
    }

    @Bean
    JdbcIndexPartitions indexPartitions(JdbcTemplate jdbc, ReplicaIdentity identity, KafkaStreamProperties properties) {
        return new JdbcIndexPartitions(jdbc, identity.replicaId(), properties, Clock.systemUTC());
    }

    @Bean
    JdbcClusterPeers clusterPeers(JdbcTemplate jdbc, ReplicaIdentity identity) {
        return new JdbcClusterPeers(jdbc, identity.replicaId(), 2_000);
    }

    @Bean
    ClusterHealthIndicator clusterHealthIndicator(
            ReplicaIdentity identity,
            AdvisoryLockLeadership leadership,
            ReplicaLeases leases,
            JdbcHostOwnership owned,
            JdbcIndexPartitions partitions,
            ObjectProvider<StreamStatus> streams,
            ObjectProvider<PeerStatus> peers) {
        return new ClusterHealthIndicator(identity, leadership, leases, owned, partitions, streams, peers);
    }
}
