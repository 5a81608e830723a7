package io.zeekagent.hub.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.cluster.HostOwnership;
import io.zeekagent.hub.dispatch.AgentTransport;
import io.zeekagent.hub.dispatch.AgentTransports;
import io.zeekagent.hub.result.AgentRow;
import io.zeekagent.hub.result.RowUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Tests for {@link OneShotQueryService} and {@link OneShotQueryStore} on the migrations (H2): failed targets. */
@JdbcTest
class OneShotQueryServiceTests {

    @Autowired
    JdbcTemplate jdbc;

    private final QueryPlanner planner = mock(QueryPlanner.class);
    private final AgentTransports transports = mock(AgentTransports.class);
    private OneShotQueryService service;

    @BeforeEach
    void service() {
        JsonMapper json = JsonMapper.builder().build();
        given(planner.columns(anyString())).willReturn(List.of("pid"));
        given(planner.targets(Set.of("a", "b"), Set.of()))
                .willReturn(List.of(
                        new QueryTarget("a", "websocket-v2", true), new QueryTarget("b", "websocket-v2", true)));
        given(transports.reachable(anyString(), anyString())).willReturn(Optional.of(mock(AgentTransport.class)));
        service = new OneShotQueryService(
                planner,
                transports,
                new OneShotQueryStore(jdbc, json),
                mock(ActivityLog.class),
                json,
                new QueryProperties(
                        Duration.ofSeconds(60), Duration.ZERO, Duration.ofDays(1), "ZeekAgent::query_result"),
                HostOwnership.everyHost(),
                new org.springframework.beans.factory.support.DefaultListableBeanFactory()
                        .getBeanProvider(QueryCompletionObserver.class));
    }

    @Test
    void aTargetThatReportsAnErrorIsFailedWithTheAgentsMessageAndNoLongerAwaited() {
        String id = service.create(new CreateQueryRequest("SELECT pid FROM processes", Set.of("a", "b"), null))
                .id();
        service.accept(row("a", id));

        assertThat(service.failed(OneShotQueryService.COOKIE_PREFIX + id, "b", "no such table: processes"))
                .isTrue();

        // No wait: a wait completes on another thread, which cannot see this test's uncommitted rows.
        QueryResponse answer = service.await(id, 0).join();
        assertThat(answer.complete()).isTrue();
        assertThat(answer.pending()).isEmpty();
        assertThat(answer.hosts()).extracting(HostAnswer::state).containsExactly("ANSWERED", "FAILED");
        assertThat(answer.hosts().get(1).error()).isEqualTo("no such table: processes");
        assertThat(answer.hosts().get(1).answeredAt()).isNotNull();
        assertThat(answer.hosts().get(0).error()).isNull();
    }

    @Test
    void aQueryMadeByAZeekNamesItsOwnerAndOneMadeOverRestNone() {
        String zeeks = service.create(
                        new CreateQueryRequest("SELECT pid FROM processes", Set.of("a"), null),
                        "ZeekAgent::listening_ports",
                        row -> {},
                        "zeek:sensor-1")
                .id();
        String rests = service.create(new CreateQueryRequest("SELECT pid FROM processes", Set.of("a"), null))
                .id();

        assertThat(service.await(zeeks, 0).join().owner()).isEqualTo("zeek:sensor-1");
        assertThat(service.await(rests, 0).join().owner()).isNull();
    }

    @Test
    void anErrorAfterRowsLeavesTheTargetAnsweredAndALongMessageIsCut() {
        String id = service.create(new CreateQueryRequest("SELECT pid FROM processes", Set.of("a", "b"), null))
                .id();
        service.accept(row("a", id));

        service.failed(OneShotQueryService.COOKIE_PREFIX + id, "a", "late");
        service.failed(OneShotQueryService.COOKIE_PREFIX + id, "b", "x".repeat(5000));

        List<HostAnswer> hosts = service.await(id, 0).join().hosts();
        assertThat(hosts.get(0).state()).isEqualTo("ANSWERED");
        assertThat(hosts.get(0).rows()).hasSize(1);
        assertThat(hosts.get(1).error()).hasSize(OneShotQueryStore.MAX_ERROR);
    }

    @Test
    void aTargetThatRanTheQueryWithoutRowsIsAnsweredAndNoLongerAwaited() {
        String id = service.create(new CreateQueryRequest("SELECT pid FROM processes", Set.of("a", "b"), null))
                .id();

        assertThat(service.answeredEmpty(OneShotQueryService.COOKIE_PREFIX + id, "a"))
                .isTrue();

        QueryResponse answer = service.await(id, 0).join();
        assertThat(answer.pending()).containsExactly("b");
        assertThat(answer.hosts().get(0)).satisfies(h -> {
            assertThat(h.state()).isEqualTo("ANSWERED");
            assertThat(h.rows()).isEmpty();
            assertThat(h.answeredAt()).isNotNull();
        });
        assertThat(service.answeredEmpty(OneShotQueryService.COOKIE_PREFIX + "nope", "a"))
                .isFalse();
    }

    @Test
    void anErrorForAnUnknownQueryOrASubscriptionCookieIsNotTaken() {
        assertThat(service.failed(OneShotQueryService.COOKIE_PREFIX + "nope", "a", "boom"))
                .isFalse();
        assertThat(service.failed("a-subscription-id", "a", "boom")).isFalse();
    }

    private static AgentRow row(String hostId, String id) {
        return new AgentRow(
                hostId,
                "websocket-v2",
                RowUpdate.SNAPSHOT,
                OneShotQueryService.COOKIE_PREFIX + id,
                List.of(BrokerValue.integer(1)),
                Instant.now());
    }

    @Test
    void namesTheColumnsOfAnActiveQueryOnTheUsersTableOnly() {
        given(planner.readsUsers("SELECT uid, name FROM users")).willReturn(true);
        given(planner.columns("SELECT uid, name FROM users")).willReturn(List.of("uid", "name"));
        String users = service.create(new CreateQueryRequest("SELECT uid, name FROM users", Set.of("a", "b"), null))
                .id();
        String processes = service.create(new CreateQueryRequest("SELECT pid FROM processes", Set.of("a", "b"), null))
                .id();
        assertThat(service.usersColumns(OneShotQueryService.COOKIE_PREFIX + users))
                .containsExactly("uid", "name");
        assertThat(service.usersColumns(OneShotQueryService.COOKIE_PREFIX + processes))
                .isNull();
        assertThat(service.usersColumns(OneShotQueryService.COOKIE_PREFIX + "unknown"))
                .isNull();
    }
}
