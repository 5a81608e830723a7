package io.zeekagent.hub.cluster;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code cluster}: this replica, whether it leads, its hosts, the live peers, the
 * index partitions it holds, the Kafka connection and the calls to other replicas' lookup API.
 */
final class ClusterHealthIndicator implements HealthIndicator {

    private final ReplicaIdentity identity;
    private final Leadership leadership;
    private final ReplicaLeases leases;
    private final JdbcHostOwnership ownership;
    private final JdbcIndexPartitions partitions;
    private final ObjectProvider<StreamStatus> streams;
    private final ObjectProvider<PeerStatus> peers;

    ClusterHealthIndicator(
            ReplicaIdentity identity,
            Leadership leadership,
            ReplicaLeases leases,
            JdbcHostOwnership ownership,
            JdbcIndexPartitions partitions,
            ObjectProvider<StreamStatus> streams,
            ObjectProvider<PeerStatus> peers) {
        this.identity = identity;
        this.leadership = leadership;
        this.leases = leases;
        this.ownership = ownership;
        this.partitions = partitions;
        this.streams = streams;
        this.peers = peers;
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
        PeerStatus peer = peers.getIfAvailable();
        if (peer != null) {
            // A failing peer is shown as degraded, not DOWN: its hosts are answered from the database, flagged
            // replica-unreachable, and taking this replica out of a load balancer would not bring the peer back.
            builder.withDetail("peers", peer.details());
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
