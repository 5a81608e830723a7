package io.zeekagent.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Tests for {@link ClusterHealthIndicator}: what a failing peer or an unreadable table does to the component. */
class ClusterHealthIndicatorTests {

    final ReplicaIdentity identity = mock(ReplicaIdentity.class);
    final Leadership leadership = mock(Leadership.class);
    final ReplicaLeases leases = mock(ReplicaLeases.class);
    final JdbcHostOwnership ownership = mock(JdbcHostOwnership.class);
    final JdbcIndexPartitions partitions = mock(JdbcIndexPartitions.class);
    final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    final ClusterHealthIndicator health = new ClusterHealthIndicator(
            identity,
            leadership,
            leases,
            ownership,
            partitions,
            beans.getBeanProvider(StreamStatus.class),
            beans.getBeanProvider(PeerStatus.class));

    @BeforeEach
    void replica() {
        given(identity.replicaId()).willReturn("r1");
        given(partitions.topic()).willReturn("hub-socket-events");
        given(partitions.held()).willReturn(Set.of(0));
        given(partitions.readyPartitions()).willReturn(Set.of(0));
        given(ownership.ownedCount()).willReturn(2);
        given(leases.live()).willReturn(List.of(new ReplicaLeases.Replica("r1", "http://a", Instant.now())));
    }

    @Test
    void aFailingPeerIsShownDegradedWhileTheReplicaStaysUp() {
        Map<String, Object> peers =
                Map.of("status", "degraded", "replicas", Map.of("r2", Map.of("lastOutcome", "timeout")));
        beans.addBean("peerStatus", (PeerStatus) () -> peers);

        Health result = health.health();

        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).containsEntry("peers", peers).containsEntry("replica", "r1");
    }

    @Test
    void withoutCrossReplicaAttributionThereIsNoPeersDetail() {
        Health result = health.health();

        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).doesNotContainKey("peers").containsEntry("ownedHosts", 2);
    }

    @Test
    void unreadableClusterTablesTakeTheReplicaDown() {
        given(ownership.ownedCount()).willThrow(new IllegalStateException("connection refused"));

        Health result = health.health();

        assertThat(result.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(result.getDetails().get("error"))).contains("connection refused");
    }
}
