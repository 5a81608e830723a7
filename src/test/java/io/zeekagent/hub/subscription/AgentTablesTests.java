package io.zeekagent.hub.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Tests for {@link AgentTables}. */
class AgentTablesTests {

    @Test
    void listsV1ColumnsAlphabetically() {
        assertThat(AgentTables.columns("socket_events"))
                .hasValueSatisfying(columns -> assertThat(columns)
                        .containsExactly(
                                "auid",
                                "egid",
                                "euid",
                                "exe",
                                "family",
                                "fd",
                                "gid",
                                "local_address",
                                "local_port",
                                "pid",
                                "ppid",
                                "remote_address",
                                "remote_port",
                                "success",
                                "syscall",
                                "time",
                                "uid"));
        assertThat(AgentTables.columns("zeek_logger")).contains(java.util.List.of("message", "severity", "time"));
    }

    @Test
    void listsV2ColumnsInSchemaOrder() {
        assertThat(AgentTables.columns("sockets"))
                .contains(java.util.List.of(
                        "pid",
                        "process",
                        "family",
                        "protocol",
                        "local_addr",
                        "local_port",
                        "remote_addr",
                        "remote_port",
                        "state"));
    }

    @Test
    void matchesTableNamesCaseInsensitively() {
        assertThat(AgentTables.isKnown("SOCKET_EVENTS")).isTrue();
        assertThat(AgentTables.isKnown("\"process_events\"")).isTrue();
        assertThat(AgentTables.isKnown("listening_ports")).isFalse();
        assertThat(AgentTables.columns("listening_ports")).isEmpty();
    }

    @Test
    void saysWhichTablesAQueryReads() {
        assertThat(AgentTables.tablesRead("SELECT p.pid FROM Process_Events p JOIN socket_events s ON p.pid = s.pid"
                        + " WHERE s.pid IN (SELECT pid FROM file_events)"))
                .containsExactlyInAnyOrder("process_events", "socket_events", "file_events");
        assertThat(AgentTables.tablesRead("SELECT path FROM files_list('/etc/*')"))
                .containsExactly("files_list");
    }

    @Test
    void refusesUnparsableSql() {
        assertThatIllegalArgumentException().isThrownBy(() -> AgentTables.tablesRead("SELEC nothing"));
    }
}
