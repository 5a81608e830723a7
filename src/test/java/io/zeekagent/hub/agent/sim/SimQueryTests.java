package io.zeekagent.hub.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.subscription.AgentTables;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link SimQuery}. */
class SimQueryTests {

    @Test
    void readsColumnsAliasesAndTable() {
        SimQuery q = SimQuery.parse("SELECT pid, exe AS program, p.cwd FROM process_events p WHERE pid > 1");

        assertThat(q.table()).isEqualTo("process_events");
        assertThat(q.columns()).containsExactly("pid", "program", "cwd");
        assertThat(q.sources()).containsExactly("pid", "exe", "cwd");
    }

    @Test
    void expandsStarToTheAlphabeticalSchemaAsTheV1AgentDoes() {
        SimQuery q = SimQuery.parse("select * from socket_events");

        assertThat(q.columns())
                .startsWith("auid", "egid", "euid", "exe", "family", "fd")
                .endsWith("time", "uid");
    }

    @Test
    void expandsStarToTheHubsOwnSchemaForSimulatedTablesAndToValueForOthers() {
        for (String table : List.of("socket_events", "process_events", "file_events", "host_information")) {
            assertThat(SimQuery.parse("SELECT * FROM " + table).columns())
                    .isEqualTo(AgentTables.columns(table).orElseThrow());
        }
        assertThat(SimQuery.parse("SELECT * FROM zeek_logger").columns()).containsExactly("value");
    }

    @Test
    void producesSocketEventsWithTheHostsAddressOrARemotePeer() {
        SimHost host = new SimHost("h", "h.example.net", "10.0.0.7", java.util.List.of());
        SimQuery q = SimQuery.parse("SELECT syscall, local_address, remote_address FROM socket_events");

        var rows = SimRows.rows(q, host, new java.util.Random(1), 1_800_000_000L, 20);

        assertThat(rows).hasSize(20);
        assertThat(rows)
                .allSatisfy(r -> assertThat(
                                r.get(0).asString().equals("bind")
                                        ? r.get(1).asString().equals("10.0.0.7")
                                        : r.get(2).asString().startsWith("198.51.100."))
                        .isTrue());
    }
}
