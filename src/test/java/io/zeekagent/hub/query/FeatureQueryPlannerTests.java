package io.zeekagent.hub.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.host.OnlineHost;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link FeatureQueryPlanner#targets}: which hosts a one-shot query reaches, from one bulk read. */
class FeatureQueryPlannerTests {

    private final HostService hosts = mock(HostService.class);
    private final FeatureQueryPlanner planner = new FeatureQueryPlanner(hosts);

    @BeforeEach
    void fleet() {
        given(hosts.onlineHosts())
                .willReturn(List.of(
                        new OnlineHost("b", "zeromq-v1", Set.of()), new OnlineHost("a", "websocket-v2", Set.of("g"))));
        given(hosts.hostIdsInGroup("g")).willReturn(Set.of("c", "a"));
    }

    @Test
    void withoutHostsOrGroupsEveryOnlineHostIsATargetInIdOrder() {
        assertThat(planner.targets(Set.of(), Set.of()))
                .containsExactly(new QueryTarget("a", "websocket-v2", true), new QueryTarget("b", "zeromq-v1", true));
        verify(hosts, never()).hostIdsInGroup("g");
    }

    @Test
    void namedHostsAndGroupMembersThatAreNotOnlineAreListedAsUnreachable() {
        assertThat(planner.targets(Set.of("x"), Set.of("g")))
                .containsExactly(
                        new QueryTarget("a", "websocket-v2", true),
                        new QueryTarget("c", null, false),
                        new QueryTarget("x", null, false));
    }

    @Test
    void aNamedHostIsListedOnceEvenWhenItsGroupNamesItToo() {
        assertThat(planner.targets(Set.of("a", "b"), Set.of("g")))
                .extracting(QueryTarget::hostId)
                .containsExactly("a", "b", "c");
    }

    @Test
    void tellsAQueryOnTheUsersTableAloneFromOneOnProcessesOrAJoin() {
        assertThat(planner.readsUsers("SELECT uid, username FROM users")).isTrue();
        // In a join, name and uid may be the process's: such rows teach nothing.
        assertThat(planner.readsUsers("SELECT p.name, p.uid FROM processes p JOIN users u ON p.uid = u.uid"))
                .isFalse();
        assertThat(planner.readsUsers("SELECT name, uid FROM processes")).isFalse();
    }
}
