package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.attribution.LiveAttributionFixture;
import io.zeekagent.hub.attribution.Seuid;
import io.zeekagent.hub.attribution.SocketEventEntry;
import io.zeekagent.hub.broker.AddressValue;
import io.zeekagent.hub.broker.PortProtocol;
import io.zeekagent.hub.broker.PortValue;
import io.zeekagent.hub.host.HostAddresses;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link ServiceAttributor}: the live answer follows the rules of {@code POST /api/v1/attributions}. */
class ServiceAttributorTests {

    /** Recent, so that the answer is complete: a time older than retention is answered with {@code retention}. */
    private static final Instant TS = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    private static final String CONNECT = Seuid.next();
    private static final String BIND = Seuid.next();
    private static final String STALE = Seuid.next();
    private static final String UDP = Seuid.next();

    private final LiveAttributionFixture fixture = new LiveAttributionFixture(1000)
            .host(new HostAddresses("host-a", "laptop", Set.of("10.0.0.1")))
            .host(new HostAddresses("host-b", "server", Set.of("10.0.0.2")))
            .events(List.of(
                    event(CONNECT, "host-a", 4242L, "/usr/bin/curl", "10.0.0.1", 50000, "10.0.0.2", 443, TS),
                    event(BIND, "host-b", null, null, "0.0.0.0", 443, null, null, TS.minusSeconds(3600)),
                    event(STALE, "host-a", 1L, "/bin/old", "10.0.0.1", 50000, "10.0.0.2", 443, TS.minusSeconds(120)),
                    event(UDP, "host-a", 2L, "/bin/dig", "10.0.0.1", 50000, "10.0.0.2", 443, TS, "udp")));

    @Test
    void answersBothSidesWithProcessesWithinTheConnectWindowAndTransport() {
        AttributeAnswer answer = new ServiceAttributor(fixture.service()).attribute(request(PortProtocol.TCP));

        assertThat(answer.orig()).containsExactly(new ZeekMatch(CONNECT, "host-a", 4242L, "/usr/bin/curl"));
        assertThat(answer.resp()).containsExactly(new ZeekMatch(BIND, "host-b", null, null));
        assertThat(answer.complete()).isTrue();
    }

    @Test
    void answersIncompleteAndEmptyWhileTheIndexIsBeingRebuilt() {
        AttributeAnswer answer =
                new ServiceAttributor(LiveAttributionFixture.notReady()).attribute(request(PortProtocol.TCP));

        assertThat(answer).isEqualTo(AttributeAnswer.NOT_READY);
        assertThat(answer.complete()).isFalse();
    }

    @Test
    void matchesTheTransportThePortsCarry() {
        AttributeAnswer answer = new ServiceAttributor(fixture.service()).attribute(request(PortProtocol.UDP));

        assertThat(answer.orig()).extracting(ZeekMatch::seuid).containsExactly(UDP);
    }

    private static AttributeRequest request(PortProtocol protocol) {
        return new AttributeRequest(
                1,
                "zeek-agent-hub.node.Z1.",
                "C1",
                TS.getEpochSecond() * 1_000_000_000L + TS.getNano(),
                AddressValue.parse("10.0.0.1"),
                new PortValue(50000, protocol),
                AddressValue.parse("10.0.0.2"),
                new PortValue(443, protocol));
    }

    private static SocketEventEntry event(
            String seuid,
            String host,
            Long pid,
            String exe,
            String local,
            Integer localPort,
            String remote,
            Integer remotePort,
            Instant time) {
        return event(seuid, host, pid, exe, local, localPort, remote, remotePort, time, "tcp");
    }

    private static SocketEventEntry event(
            String seuid,
            String host,
            Long pid,
            String exe,
            String local,
            Integer localPort,
            String remote,
            Integer remotePort,
            Instant time,
            String protocol) {
        return new SocketEventEntry(
                seuid,
                host,
                remote == null ? "bind" : "connect",
                pid,
                exe,
                null,
                protocol,
                local,
                localPort,
                remote,
                remotePort,
                time,
                Instant.now());
    }
}
