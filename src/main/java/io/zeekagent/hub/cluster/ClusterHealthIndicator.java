package io.zeekagent.hub.cluster;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@code /actuator/health} component {@code cluster}: this replica, whether it leads, its hosts, the live peers. */
final class ClusterHealthIndicator implements HealthIndicator {

    private final ReplicaIdentity identity;
    private final Leadership leadership;
    private final ReplicaLeases leases;
    private final JdbcHostOwnership ownership;

    ClusterHealthIndicator(
            ReplicaIdentity identity, Leadership leadership, ReplicaLeases leases, JdbcHostOwnership ownership) {
        this.identity = identity;
        this.leadership = leadership;
        this.leases = leases;
        this.ownership = ownership;
    }

    @Override
    public Health health() {
        Health.Builder builder = Health.up()
                .withDetail("engine", "kafka")
                .withDetail("replica", identity.replicaId())
                .withDetail("leader", leadership.isLeader());
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
