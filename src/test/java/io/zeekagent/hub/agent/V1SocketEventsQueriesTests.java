package io.zeekagent.hub.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which {@code socket_events} queries v1 agents are sent: v1's and osquery's tables share the name but not the
 * columns, and the built-in osquery subscription (created by default) must not reach v1 agents, where it would fail
 * at every run.
 */
class V1SocketEventsQueriesTests {

    @Test
    void theBuiltInOsqueryQueryIsNotForV1Agents() {
        // OsqueryConfiguration.SOCKET_EVENTS_QUERY, as the hub creates it by default.
        assertThat(V1AgentGateway.readsNoOsqueryOnlyColumn(
                        "SELECT action, pid, fd, path, auid, family, local_address, local_port, remote_address,"
                                + " remote_port, status, time FROM socket_events WHERE family IN (2, 10)"))
                .isFalse();
        assertThat(V1AgentGateway.readsNoOsqueryOnlyColumn("SELECT status FROM socket_events"))
                .isFalse();
    }

    @Test
    void v1QueriesStillGoOutIncludingExpressionsAndAliases() {
        // BuiltInSocketEvents.V1_QUERY, the seed framework's query.
        assertThat(V1AgentGateway.readsNoOsqueryOnlyColumn(
                        "SELECT syscall, pid, fd, exe, local_address, remote_address, local_port, remote_port, time,"
                                + " success, uid FROM socket_events WHERE family = 2"))
                .isTrue();
        assertThat(V1AgentGateway.readsNoOsqueryOnlyColumn("SELECT count(*) AS n FROM socket_events"))
                .isTrue();
        assertThat(V1AgentGateway.readsNoOsqueryOnlyColumn("SELECT * FROM socket_events"))
                .isTrue();
        assertThat(V1AgentGateway.readsNoOsqueryOnlyColumn("SELECT exe AS program FROM socket_events"))
                .isTrue();
    }

    @Test
    void anUnparsableQueryIsLeftForTheAgentToRefuse() {
        assertThat(V1AgentGateway.readsNoOsqueryOnlyColumn("SELECT FROM WHERE")).isTrue();
    }
}
