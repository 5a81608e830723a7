package io.zeekagent.hub.query;

import static io.zeekagent.hub.support.SingleHostOwnership.owning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.cluster.HostOwnership;
import io.zeekagent.hub.dispatch.AgentTransport;
import io.zeekagent.hub.dispatch.AgentTransports;
import io.zeekagent.hub.result.AgentRow;
import io.zeekagent.hub.result.RowUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tests for one-shot queries across replicas ({@link OneShotQueryService}, {@link OwnedQueryTargets}): two replicas
 * sharing one database (H2 here), replica A owning host {@code a}, replica B owning host {@code b}.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED) // the long-poll reads on another thread: commit for real
class RoutedQueryTests {

    private static final QueryProperties PROPERTIES =
            new QueryProperties(Duration.ofSeconds(60), Duration.ZERO, Duration.ofDays(1), "ZeekAgent::query_result");

    @Autowired
    JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private final QueryPlanner planner = mock(QueryPlanner.class);

    @Test
    void aQueryPostedToOneReplicaForHostsOnAnotherIsSentOnceByTheOwnerAndCompletes() {
        given(planner.columns(anyString())).willReturn(List.of("pid"));
        given(planner.targets(any(), eq(Set.of()))).willAnswer(call -> {
            Collection<String> ids = call.getArgument(0);
            return ids.stream()
                    .sorted()
                    .map(id -> new QueryTarget(id, "zeromq", true))
                    .toList();
        });
        AgentTransport agentsOnA = mock(AgentTransport.class);
        AgentTransport agentsOnB = mock(AgentTransport.class);
        OneShotQueryService replicaA = service(transports(agentsOnA), owning("a"));
        OneShotQueryService replicaB = service(transports(agentsOnB), owning("b"));
        OwnedQueryTargets ownedByA = targets(transports(agentsOnA), owning("a"));
        OwnedQueryTargets ownedByB = targets(transports(agentsOnB), owning("b"));

        QueryAccepted accepted =
                replicaA.create(new CreateQueryRequest("SELECT pid FROM processes", Set.of("a", "b"), null));

        assertThat(accepted.sentTo()).containsExactlyInAnyOrder("a", "b");
        verify(agentsOnA).execute(eq("a"), any());
        verify(agentsOnA, never()).execute(eq("b"), any());
        assertThat(ownedByA.sendOwned()).isZero();
        assertThat(ownedByB.sendOwned()).isEqualTo(1);
        assertThat(ownedByB.sendOwned()).as("exactly once").isZero();
        verify(agentsOnB, times(1)).execute(eq("b"), any());

        CompletableFuture<QueryResponse> poll = replicaA.await(accepted.id(), 10);
        replicaA.accept(row("a", accepted.id()));
        replicaB.accept(row("b", accepted.id()));
        replicaB.flush();
        replicaA.pollRoutedAnswers();

        QueryResponse answer = poll.join();
        assertThat(answer.complete()).isTrue();
        assertThat(answer.hosts()).extracting(HostAnswer::state).containsExactly("ANSWERED", "ANSWERED");
        assertThat(answer.hosts()).allSatisfy(h -> assertThat(h.rows()).hasSize(1));
    }

    private OneShotQueryService service(AgentTransports transports, HostOwnership ownership) {
        return new OneShotQueryService(
                planner,
                transports,
                new OneShotQueryStore(jdbc, json),
                mock(ActivityLog.class),
                json,
                PROPERTIES,
                ownership,
                new org.springframework.beans.factory.support.DefaultListableBeanFactory()
                        .getBeanProvider(QueryCompletionObserver.class));
    }

    private OwnedQueryTargets targets(AgentTransports transports, HostOwnership ownership) {
        return new OwnedQueryTargets(
                new OneShotQueryStore(jdbc, json), planner, transports, ownership, mock(ActivityLog.class), PROPERTIES);
    }

    /** The replica's transports reach exactly the hosts the replica owns. */
    private static AgentTransports transports(AgentTransport transport) {
        AgentTransports transports = mock(AgentTransports.class);
        given(transports.reachable(anyString(), anyString())).willReturn(Optional.of(transport));
        return transports;
    }

    private static AgentRow row(String hostId, String id) {
        return new AgentRow(
                hostId,
                "zeromq",
                RowUpdate.SNAPSHOT,
                OneShotQueryService.COOKIE_PREFIX + id,
                List.of(BrokerValue.integer(1)),
                Instant.now());
    }
}
