package io.zeekagent.hub.osquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.host.HostPresenceService;
import io.zeekagent.hub.query.OneShotQueryService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link OsqueryLiveness}. */
class OsqueryLivenessTests {

    private final OsqueryNodes nodes = mock(OsqueryNodes.class);
    private final HostPresenceService presence = mock(HostPresenceService.class);
    private final OneShotQueryService queries = mock(OneShotQueryService.class);
    private final OsqueryProperties properties = new OsqueryProperties(
            true,
            "127.0.0.1",
            0,
            2,
            2,
            1024,
            1024,
            256,
            1024,
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            60,
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            30,
            false,
            new OsqueryProperties.Tls(null, "", "PKCS12"));
    private final OsqueryLiveness liveness =
            new OsqueryLiveness(nodes, presence, queries, mock(ActivityLog.class), properties);

    @Test
    void aHostSilentForThreeTimesItsSlowestPeriodGoesOfflineOnce() {
        Instant t0 = Instant.parse("2026-12-06T03:00:00Z");
        OsqueryHostState quiet = new OsqueryHostState("quiet", t0);
        OsqueryHostState busy = new OsqueryHostState("busy", t0.plusSeconds(170));
        given(nodes.all()).willReturn(List.of(quiet, busy));

        assertThat(properties.offlineAfter()).isEqualTo(Duration.ofSeconds(180));
        liveness.sweep(t0.plusSeconds(181));
        liveness.sweep(t0.plusSeconds(200));

        verify(presence).markOffline("quiet");
        verify(presence, never()).markOffline("busy");
        assertThat(quiet.offline()).isTrue();
    }

    @Test
    void anUnansweredOneShotQueryExpiresAsFailedButTheAddressQueryQuietly() {
        Instant t0 = Instant.parse("2026-12-06T03:00:00Z");
        OsqueryHostState host = new OsqueryHostState("h", t0.plusSeconds(700));
        host.queue("query-1", "SELECT 1", t0);
        host.addressesAsked(t0);
        given(nodes.all()).willReturn(List.of(host));

        liveness.sweep(t0.plusSeconds(601));

        verify(queries)
                .failed(
                        org.mockito.ArgumentMatchers.eq("query-1"),
                        org.mockito.ArgumentMatchers.eq("h"),
                        org.mockito.ArgumentMatchers.contains("no answer"));
        verify(queries, never())
                .failed(
                        org.mockito.ArgumentMatchers.eq(OsqueryHostState.ADDRESSES),
                        org.mockito.ArgumentMatchers.anyString(),
                        org.mockito.ArgumentMatchers.anyString());
        assertThat(host.hasPending()).isFalse();
    }
}
