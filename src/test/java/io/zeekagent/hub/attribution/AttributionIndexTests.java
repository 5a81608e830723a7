package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.net.IpAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link AttributionIndex}: one nested class per rule of DESIGN §7. {@link ColdTierRuleTests} runs the same
 * rules with every event held by the database tier instead of memory.
 */
class AttributionIndexTests {

    static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");
    static final String CLIENT = "10.0.0.1";
    static final String SERVER = "10.0.0.2";

    AttributionIndex index = new AttributionIndex(Duration.ofHours(24), 1_000, Duration.ofSeconds(30));

    @BeforeEach
    void hosts() {
        index.putHost(new HostAddresses("client", "client.lan", Set.of(CLIENT)));
        index.putHost(new HostAddresses("server", "server.lan", Set.of(SERVER)));
    }

    /** Where the test's events live: memory here, the database tier in {@link ColdTierRuleTests}. */
    void store(List<SocketEventEntry> events) {
        index.addAll(events);
    }

    /** Whether the events are in memory (tests of memory's own bounds run only then). */
    boolean inMemory() {
        return true;
    }

    /** Attributes through the tier under test. */
    void attribute(ConnectionTuple c, MatchCollector out) {
        index.attribute(c, out);
    }

    static SocketEventEntry connect(String seuid, String host, String remote, int remotePort) {
        return event(seuid, host, "connect", null, 0, remote, remotePort, null, T0);
    }

    static SocketEventEntry bind(String seuid, String host, String local, int localPort) {
        return event(seuid, host, "bind", local, localPort, null, 0, null, T0);
    }

    static SocketEventEntry event(
            String seuid,
            String host,
            String syscall,
            @Nullable String local,
            int localPort,
            @Nullable String remote,
            int remotePort,
            @Nullable String protocol,
            @Nullable Instant time) {
        return new SocketEventEntry(
                seuid,
                host,
                syscall,
                42L,
                "/usr/bin/curl",
                1000L,
                protocol,
                local,
                localPort,
                remote,
                remotePort,
                time,
                T0);
    }

    static String seuid(int n) {
        return Seuid.format(0, n);
    }

    ConnectionTuple conn(
            String origH, int origP, String respH, int respP, @Nullable String proto, @Nullable Instant ts) {
        IpAddress o = new IpAddress();
        IpAddress r = new IpAddress();
        assertThat(o.parse(origH) && r.parse(respH)).isTrue();
        return new ConnectionTuple(
                o.hi(),
                o.lo(),
                origP,
                r.hi(),
                r.lo(),
                respP,
                Transport.fromName(proto),
                ts == null ? ConnectionTuple.UNKNOWN_TIME : ts.toEpochMilli());
    }

    List<String> orig(ConnectionTuple c) {
        return side(c, MatchCollector.ORIG);
    }

    List<String> resp(ConnectionTuple c) {
        return side(c, MatchCollector.RESP);
    }

    List<String> side(ConnectionTuple c, byte side) {
        MatchCollector out = new MatchCollector(true);
        attribute(c, out);
        List<String> seuids = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            int i = out.at(k);
            if (out.side(i) == side) {
                seuids.add(out.seuid(i));
            }
        }
        return seuids;
    }

    ConnectionTuple web() {
        return conn(CLIENT, 50000, SERVER, 443, "tcp", T0);
    }

    @Nested
    class AddressNormalisation {

        @Test
        void matchesIpv4MappedEventAddressesAgainstIpv4Connections() {
            store(List.of(event(seuid(1), "server", "bind", "::ffff:10.0.0.2", 443, null, 0, null, T0)));
            assertThat(resp(web())).containsExactly(seuid(1));
        }

        @Test
        void findsHostsAnnouncedWithIpv4MappedAddresses() {
            index.putHost(new HostAddresses("dual", null, Set.of("::ffff:10.0.0.9")));
            store(List.of(connect(seuid(1), "dual", SERVER, 443)));
            assertThat(orig(conn("10.0.0.9", 40000, SERVER, 443, "tcp", T0))).containsExactly(seuid(1));
        }

        @Test
        void matchesIpv6Connections() {
            index.putHost(new HostAddresses("v6", null, Set.of("2001:db8::1")));
            store(List.of(connect(seuid(1), "v6", "2001:db8:0:0::2", 53)));
            assertThat(orig(conn("2001:db8::1", 5353, "2001:db8::2", 53, "udp", T0)))
                    .containsExactly(seuid(1));
        }
    }

    @Nested
    class CandidateHosts {

        @Test
        void unionsEveryHostSharingAnAddress() {
            index.putHost(new HostAddresses("container-a", null, Set.of("172.17.0.1")));
            index.putHost(new HostAddresses("container-b", null, Set.of("172.17.0.1")));
            store(List.of(
                    connect(seuid(1), "container-a", SERVER, 443), connect(seuid(2), "container-b", SERVER, 443)));
            assertThat(orig(conn("172.17.0.1", 50000, SERVER, 443, "tcp", T0)))
                    .containsExactlyInAnyOrder(seuid(1), seuid(2));
        }

        @Test
        void returnsNothingForUnknownAddresses() {
            store(List.of(connect(seuid(1), "client", SERVER, 443)));
            assertThat(orig(conn("192.0.2.1", 50000, SERVER, 443, "tcp", T0))).isEmpty();
        }

        @Test
        void followsAddressChangesAndDeletedHosts() {
            store(List.of(connect(seuid(1), "client", SERVER, 443)));
            index.putHost(new HostAddresses("client", "client.lan", Set.of("10.0.0.5")));
            assertThat(orig(web())).isEmpty();
            assertThat(orig(conn("10.0.0.5", 50000, SERVER, 443, "tcp", T0))).containsExactly(seuid(1));
            index.removeHost("client");
            assertThat(orig(conn("10.0.0.5", 50000, SERVER, 443, "tcp", T0))).isEmpty();
        }
    }

    @Nested
    class Sides {

        @Test
        void connectMatchesTheOriginatorSide() {
            store(List.of(connect(seuid(1), "client", SERVER, 443)));
            assertThat(orig(web())).containsExactly(seuid(1));
            assertThat(resp(web())).isEmpty();
        }

        @Test
        void bindOnAnyAddressMatchesTheResponderSide() {
            store(List.of(bind(seuid(1), "server", "0.0.0.0", 443)));
            assertThat(resp(web())).containsExactly(seuid(1));
            assertThat(orig(web())).isEmpty();
        }

        @Test
        void fullTupleEventsMatchOnlyTheirOwnOrientation() {
            store(List.of(
                    event(seuid(1), "client", "established", CLIENT, 50000, SERVER, 443, "tcp", T0),
                    event(seuid(2), "server", "established", SERVER, 443, CLIENT, 50000, "tcp", T0),
                    event(seuid(3), "client", "established", CLIENT, 50001, SERVER, 443, "tcp", T0)));
            assertThat(orig(web())).containsExactly(seuid(1));
            assertThat(resp(web())).containsExactly(seuid(2));
        }

        @Test
        void ordersMatchesByEventTime() {
            store(List.of(
                    event(seuid(9), "client", "connect", null, 0, SERVER, 443, null, T0.plusSeconds(2)),
                    event(seuid(8), "client", "connect", null, 0, SERVER, 443, null, T0.minusSeconds(2)),
                    event(seuid(7), "client", "connect", null, 0, SERVER, 443, null, T0)));
            assertThat(orig(web())).containsExactly(seuid(8), seuid(7), seuid(9));
        }
    }

    @Nested
    class Wildcards {

        @Test
        void nonWildcardFieldsMustEqualTheConnection() {
            store(List.of(
                    bind(seuid(1), "server", "10.0.0.3", 443),
                    bind(seuid(2), "server", SERVER, 8443),
                    connect(seuid(3), "client", "10.0.0.3", 443),
                    bind(seuid(4), "server", "::", 443)));
            assertThat(orig(web())).isEmpty();
            assertThat(resp(web())).containsExactly(seuid(4));
        }

        @Test
        void fullyWildcardEventsMatchNothing() {
            store(List.of(
                    event(seuid(1), "client", "connect", null, 0, null, 0, null, T0),
                    event(seuid(2), "client", "connect", "0.0.0.0", 0, "", 0, null, T0),
                    event(seuid(3), "server", "bind", SERVER, 0, null, 0, null, T0)));
            assertThat(orig(web())).isEmpty();
            assertThat(resp(web())).isEmpty();
            if (inMemory()) {
                assertThat(index.size()).isZero();
                assertThat(index.skipped()).isEqualTo(3);
            }
        }
    }

    @Nested
    class Protocols {

        @Test
        void tcpAndUdpMustAgreeWhenBothAreKnown() {
            store(List.of(
                    event(seuid(1), "client", "connect", null, 0, SERVER, 443, "udp", T0),
                    event(seuid(2), "client", "connect", null, 0, SERVER, 443, "tcp", T0),
                    event(seuid(3), "client", "connect", null, 0, SERVER, 443, null, T0)));
            assertThat(orig(web())).containsExactlyInAnyOrder(seuid(2), seuid(3));
            assertThat(orig(conn(CLIENT, 50000, SERVER, 443, "udp", T0))).containsExactlyInAnyOrder(seuid(1), seuid(3));
            assertThat(orig(conn(CLIENT, 50000, SERVER, 443, null, T0)))
                    .containsExactlyInAnyOrder(seuid(1), seuid(2), seuid(3));
        }
    }

    @Nested
    class TimeWindow {

        @Test
        void connectMatchesWithinTheWindowEitherSide() {
            store(List.of(
                    event(seuid(1), "client", "connect", null, 0, SERVER, 443, null, T0.minusSeconds(30)),
                    event(seuid(2), "client", "connect", null, 0, SERVER, 443, null, T0.plusSeconds(30)),
                    event(seuid(3), "client", "connect", null, 0, SERVER, 443, null, T0.minusSeconds(31)),
                    event(seuid(4), "client", "connect", null, 0, SERVER, 443, null, T0.plusSeconds(31)),
                    event(seuid(5), "client", "connect", null, 0, SERVER, 443, null, null)));
            assertThat(orig(web())).containsExactly(seuid(5), seuid(1), seuid(2));
            assertThat(orig(conn(CLIENT, 50000, SERVER, 443, "tcp", null))).hasSize(5);
        }

        @Test
        void bindMatchesAnyTimeBeforeButOnlyTheWindowAfter() {
            store(List.of(
                    event(seuid(1), "server", "bind", null, 443, null, 0, null, T0.minus(Duration.ofHours(20))),
                    event(seuid(2), "server", "bind", null, 443, null, 0, null, T0.plusSeconds(30)),
                    event(seuid(3), "server", "bind", null, 443, null, 0, null, T0.plusSeconds(31))));
            assertThat(resp(web())).containsExactly(seuid(1), seuid(2));
        }
    }

    @Nested
    class Bounds {

        @BeforeEach
        void memoryOnly() {
            assumeTrue(inMemory(), "memory's own bounds");
        }

        @Test
        void evictsEventsReceivedBeforeTheRetention() {
            store(List.of(connect(seuid(1), "client", SERVER, 443)));
            long justInside = T0.plus(Duration.ofHours(24)).toEpochMilli();
            assertThat(index.evictExpired(justInside)).isZero();
            assertThat(index.evictExpired(justInside + 1)).isOne();
            assertThat(orig(web())).isEmpty();
            assertThat(index.evictedByRetention()).isOne();
        }

        @Test
        void evictsOldestFirstBeyondMaxEventsAndCountsThem() {
            AttributionIndex small = new AttributionIndex(Duration.ofHours(24), 3, Duration.ofSeconds(30));
            small.putHost(new HostAddresses("client", null, Set.of(CLIENT)));
            index = small;
            for (int n = 1; n <= 5; n++) {
                store(List.of(connect(seuid(n), "client", SERVER, 443)));
            }
            assertThat(index.size()).isEqualTo(3);
            assertThat(index.evictedByCapacity()).isEqualTo(2);
            assertThat(orig(web())).containsExactlyInAnyOrder(seuid(3), seuid(4), seuid(5));
        }

        @Test
        void keepsWorkingAcrossManySegmentsOfEviction() {
            AttributionIndex small = new AttributionIndex(Duration.ofHours(24), 20_000, Duration.ofSeconds(30));
            small.putHost(new HostAddresses("client", null, Set.of(CLIENT)));
            index = small;
            for (int n = 1; n <= 100_000; n++) {
                store(List.of(connect(seuid(n), "client", SERVER, 1 + n % 1000)));
            }
            assertThat(index.size()).isEqualTo(20_000);
            assertThat(orig(conn(CLIENT, 50000, SERVER, 443, "tcp", T0)))
                    .hasSize(20)
                    .allMatch(s -> Seuid.low(s) > 80_000);
        }
    }

    @Nested
    class NonConsuming {

        @Test
        void attributingTwiceGivesTheSameAnswer() {
            store(List.of(connect(seuid(1), "client", SERVER, 443), bind(seuid(2), "server", null, 443)));
            assertThat(orig(web())).containsExactly(seuid(1));
            assertThat(orig(web())).containsExactly(seuid(1));
            assertThat(resp(web())).containsExactly(seuid(2));
            assertThat(resp(web())).containsExactly(seuid(2));
        }
    }
}
