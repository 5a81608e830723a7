package io.zeekagent.hub.osquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.ingest.SocketEventInput;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link OsquerySocketEvents}: the {@code socket_events} sample of osquery's
 * {@code docs/wiki/deployment/process-auditing.md} and the quirks of {@code socket_events.cpp} (hex fd,
 * uncompressed IPv6, the empty local side of a connect, accept rows, text numbers, {@code no_client}).
 */
class OsquerySocketEventsTests {

    /** process-auditing.md, "A sample socket_event log entry looks like this". */
    static final String DOC_SAMPLE = "{\"action\":\"added\",\"columns\":{\"time\":\"1527895541\",\"status\":"
            + "\"succeeded\",\"remote_port\":\"80\",\"action\":\"connect\",\"auid\":\"1000\",\"family\":\"2\","
            + "\"local_address\":\"\",\"local_port\":\"0\",\"path\":\"/usr/bin/curl\",\"pid\":\"30220\","
            + "\"remote_address\":\"172.217.164.110\"},\"unixTime\":1527895545,\"hostIdentifier\":\"vagrant\","
            + "\"name\":\"socket_events\",\"numerics\":false}";

    @Test
    void mapsTheDocumentedConnectSample() {
        ResultRow row = ResultLinesTests.rows(DOC_SAMPLE).get(0);

        SocketEventInput e = OsquerySocketEvents.map("host-a", row.columns(), row.unixTime());

        assertThat(e).isNotNull();
        assertThat(e.hostId()).isEqualTo("host-a");
        assertThat(e.syscall()).isEqualTo("connect");
        assertThat(e.pid()).isEqualTo(30220L);
        assertThat(e.exe()).isEqualTo("/usr/bin/curl");
        assertThat(e.uid()).isNull();
        assertThat(e.protocol()).isNull();
        assertThat(e.success()).isTrue();
        assertThat(e.family()).isEqualTo(2);
        assertThat(e.localAddress()).isNull();
        assertThat(e.localPort()).isZero();
        assertThat(e.remoteAddress()).isEqualTo("172.217.164.110");
        assertThat(e.remotePort()).isEqualTo(80);
        assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(1527895541L));
    }

    @Test
    void readsTheFileDescriptorAsHex() {
        assertThat(OsquerySocketEvents.hex("a")).isEqualTo(10L);
        assertThat(OsquerySocketEvents.hex("10")).isEqualTo(16L);
        assertThat(OsquerySocketEvents.hex("1f")).isEqualTo(31L);
        assertThat(OsquerySocketEvents.hex("")).isNull();
        assertThat(OsquerySocketEvents.hex("zz")).isNull();
    }

    @Test
    void normalisesUncompressedAndMappedIpv6() {
        assertThat(OsquerySocketEvents.address("2001:0db8:0000:0000:0000:0000:0000:0001"))
                .isEqualTo("2001:db8::1");
        assertThat(OsquerySocketEvents.address("0000:0000:0000:0000:0000:ffff:0a00:0001"))
                .isEqualTo("10.0.0.1");
        assertThat(OsquerySocketEvents.address("")).isNull();
    }

    @Test
    void mapsAnAcceptRowWithTheRemoteSideOnly() {
        SocketEventInput e = OsquerySocketEvents.map(
                "h",
                ResultLinesTests.json("{\"action\":\"accept\",\"pid\":\"411\",\"fd\":\"3\",\"path\":\"/usr/sbin/sshd\","
                        + "\"family\":\"10\",\"local_address\":\"\",\"local_port\":\"0\",\"remote_address\":"
                        + "\"2001:0db8:0000:0000:0000:0000:0000:0042\",\"remote_port\":\"51000\",\"status\":"
                        + "\"succeeded\",\"time\":\"1764988620\"}"),
                null);

        assertThat(e).isNotNull();
        assertThat(e.syscall()).isEqualTo("accept");
        assertThat(e.fd()).isEqualTo(3L);
        assertThat(e.family()).isEqualTo(10);
        assertThat(e.remoteAddress()).isEqualTo("2001:db8::42");
        assertThat(e.localAddress()).isNull();
    }

    @Test
    void readsNumbersSentAsNumbers() {
        SocketEventInput e = OsquerySocketEvents.map(
                "h",
                ResultLinesTests.json("{\"action\":\"bind\",\"pid\":77,\"fd\":\"b\",\"family\":2,\"local_address\":"
                        + "\"0.0.0.0\",\"local_port\":8080,\"remote_address\":\"\",\"remote_port\":0,\"status\":"
                        + "\"failed\",\"time\":1764988620}"),
                1L);

        assertThat(e).isNotNull();
        assertThat(e.pid()).isEqualTo(77L);
        assertThat(e.fd()).isEqualTo(11L);
        assertThat(e.localPort()).isEqualTo(8080);
        assertThat(e.success()).isFalse();
        assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(1764988620L));
    }

    @Test
    void dropsAcceptsWithoutAClientAndOtherFamilies() {
        assertThat(OsquerySocketEvents.map(
                        "h", ResultLinesTests.json("{\"action\":\"accept\",\"status\":\"no_client\"}"), null))
                .isNull();
        assertThat(OsquerySocketEvents.map(
                        "h", ResultLinesTests.json("{\"action\":\"connect\",\"family\":\"1\"}"), null))
                .isNull();
    }

    @Test
    void takesInProgressConnectsAsSuccessfulAndFallsBackToTheRunTime() {
        SocketEventInput e = OsquerySocketEvents.map(
                "h", ResultLinesTests.json("{\"action\":\"connect\",\"status\":\"in_progress\"}"), 1764988600L);

        assertThat(e).isNotNull();
        assertThat(e.success()).isTrue();
        assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(1764988600L));
    }
}
