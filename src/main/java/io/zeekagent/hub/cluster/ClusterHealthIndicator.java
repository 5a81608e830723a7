package io.zeekagent.hub.cluster;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code cluster}: this replica, whether it leads, its hosts, the live peers, the
 * index partitions it holds and the Kafka connection.
 */
final class ClusterHealthIndicator implements HealthIndicator {

    private final ReplicaIdentity identity;
    private final Leadership leadership;
    private final ReplicaLeases leases;
    private final JdbcHostOwnership ownership;
    private final JdbcIndexPartitions partitions;
    private final ObjectProvider<StreamStatus> streams;

    ClusterHealthIndicator(
            ReplicaIdentity identity,
            Leadership leadership,
            ReplicaLeases leases,
            JdbcHostOwnership ownership,
            JdbcIndexPartitions partitions,
            ObjectProvider<StreamStatus> streams) {
        this.identity = identity;
        this.leadership = leadership;
        this.leases = leases;
        this.ownership = ownership;
        this.partitions = partitions;
        this.streams = streams;
    }

    @Override
    public Health health() {
        Health.Builder builder = Health.up()
                .withDetail("engine", "kafka")
                .withDetail("replica", identity.replicaId())
                .withDetail("leader", leadership.isLeader())
                .withDetail(
                        "indexPartitions",
                        Map.of(
                                "topic", partitions.topic(),
                                "held", partitions.held(),
                                "ready", partitions.readyPartitions()));
        StreamStatus stream = streams.getIfAvailable();
        if (stream != null) {
            // Kafka unreachable is shown, not DOWN: commands and attribution from memory still work without it.
            builder.withDetail("kafka", stream.details());
        }
        try {
            builder.withDetail("ownedHosts", ownership.ownedCount())
                    .withDetail(
                            "liveReplicas",
                            leases.live().stream()
                                    .map(ReplicaLeases.Replica::replicaId)
                                    .toList());
        } catch (RuntimeException e) {
            builder.down().withDetail("error", "cluster tables unreadable: " + e.getMessage());
        }
        return builder.build();
    }
}
