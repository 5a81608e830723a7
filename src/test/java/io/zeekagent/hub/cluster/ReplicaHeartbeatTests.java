package io.zeekagent.hub.cluster;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Tests for {@link ReplicaHeartbeat}'s sweep after a database outage: found by hand (docs/scale-out.md, "Known
 * gaps"), where the leader's first beat back released every host, its own replica's too, while their agents were
 * still connected.
 */
class ReplicaHeartbeatTests {

    private static final long SECOND = 1_000_000_000L;

    private final ReplicaLeases leases = mock(ReplicaLeases.class);
    private final AdvisoryLockLeadership leadership = mock(AdvisoryLockLeadership.class);
    private final ReplicaHeartbeat heartbeat = new ReplicaHeartbeat(
            leases,
            leadership,
            new ReplicaIdentity(
                    new ClusterProperties(ClusterEngine.KAFKA, "a", "", Duration.ofSeconds(5), Duration.ofSeconds(15))),
            Duration.ofSeconds(5),
            new SimpleMeterRegistry());

    @Test
    void theLeaderSweepsOnlyOnceItsOwnLeaseWasRenewedWithoutABreakForAWholeLease() {
        when(leases.lease()).thenReturn(Duration.ofSeconds(15));
        when(leadership.refresh()).thenReturn(true);

        heartbeat.beat(100 * SECOND);
        heartbeat.beat(105 * SECOND);
        verify(leases, never()).releaseExpired();
        heartbeat.beat(115 * SECOND);
        verify(leases, times(1)).releaseExpired();

        // The database goes away: renewals fail, and no sweep runs while they do.
        doThrow(new DataAccessResourceFailureException("connection refused"))
                .when(leases)
                .renew(anyString());
        heartbeat.beat(120 * SECOND);
        heartbeat.beat(125 * SECOND);
        verify(leases, times(1)).releaseExpired();

        // Back: every lease lapsed meanwhile, so the others get a whole lease to renew before anything is released.
        Mockito.reset(leases);
        when(leases.lease()).thenReturn(Duration.ofSeconds(15));
        heartbeat.beat(130 * SECOND);
        heartbeat.beat(140 * SECOND);
        verify(leases, never()).releaseExpired();
        heartbeat.beat(145 * SECOND);
        verify(leases, times(1)).releaseExpired();
    }

    @Test
    void aReplicaThatIsNotTheLeaderNeverSweeps() {
        when(leases.lease()).thenReturn(Duration.ofSeconds(15));
        when(leadership.refresh()).thenReturn(false);

        heartbeat.beat(0);
        heartbeat.beat(60 * SECOND);

        verify(leases, never()).releaseExpired();
    }
}
