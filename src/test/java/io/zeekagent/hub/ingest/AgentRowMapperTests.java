package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link AgentRowMapper}. */
class AgentRowMapperTests {

    @Test
    void mapsV1LinuxSocketEventsInSelectOrder() throws Exception {
        AgentRowMapper mapper = new AgentRowMapper(List.of(
                "syscall",
                "pid",
                "fd",
                "exe",
                "local_address",
                "remote_address",
                "local_port",
                "remote_port",
                "time",
                "success",
                "uid"));
        SocketEventInput e = mapper.map(
                "h",
                new Object[] {"connect", 42L, 3L, "/usr/bin/curl", "", "10.0.0.2", 0L, 443L, 1795996800L, 1L, 1000L});
        assertThat(e)
                .isEqualTo(new SocketEventInput(
                        "h",
                        "connect",
                        42L,
                        3L,
                        "/usr/bin/curl",
                        1000L,
                        true,
                        null,
                        null,
                        null,
                        0,
                        "10.0.0.2",
                        443,
                        Instant.parse("2026-11-30T00:00:00Z")));
    }

    @Test
    void mapsMacOsOpenBsmNames() {
        AgentRowMapper mapper = new AgentRowMapper(
                List.of("timestamp", "type", "process_id", "user_id", "path", "family", "local_address", "local_port"));
        SocketEventInput e =
                mapper.map("mac", List.of(1795996800L, "bind", 7L, 501L, "/usr/sbin/sshd", 2L, "0.0.0.0", 22L));
        assertThat(e.syscall()).isEqualTo("bind");
        assertThat(e.pid()).isEqualTo(7L);
        assertThat(e.uid()).isEqualTo(501L);
        assertThat(e.exe()).isEqualTo("/usr/sbin/sshd");
        assertThat(e.family()).isEqualTo(2);
        assertThat(e.localPort()).isEqualTo(22);
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    }

    @Test
    void mapsV2SocketsEventsByNameWithProtocolNumbersAndStates() throws Exception {
        AgentRowMapper mapper = new AgentRowMapper(List.of(
                "time",
                "pid",
                "process",
                "uid",
                "gid",
                "family",
                "protocol",
                "local_addr",
                "local_port",
                "remote_addr",
                "remote_port",
                "state"));
        SocketEventInput e = mapper.map(
                "v2",
                Map.of(
                        "time",
                        1795996800.5,
                        "pid",
                        9L,
                        "process",
                        "firefox",
                        "family",
                        "IPv6",
                        "protocol",
                        17L,
                        "local_addr",
                        InetAddress.getByName("2001:db8::1"),
                        "local_port",
                        5353L,
                        "state",
                        "established"));
        assertThat(e.syscall()).isEqualTo("established");
        assertThat(e.exe()).isEqualTo("firefox");
        assertThat(e.family()).isEqualTo(10);
        assertThat(e.protocol()).isEqualTo("udp");
        assertThat(e.localAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-30T00:00:00.500Z"));
        assertThat(e.remoteAddress()).isNull();
    }
}
