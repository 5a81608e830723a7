package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.cluster.ClusterPeers;
import io.zeekagent.hub.cluster.IndexPartitions;
import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.net.IpAddress;
import io.zeekagent.hub.system.InvalidRequestException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * {@link RoutedAttributor} over two replicas joined by a fake transport (which still goes through the JSON wire
 * format and the owner's {@link PeerLookupController}): the merged answers equal a single node's holding every
 * event, lookups are grouped into one call per owner and chunk, an owner that is unknown, unreachable or rebalancing
 * is answered from the database, flagged, and each call's outcome shows in the replicas' {@link PeerCalls}.
 */
class RoutedAttributorTests {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Map<String, String> ADDRESSES =
            Map.of("client", "10.0.0.1", "other", "10.0.0.3", "server", "10.0.0.2", "server2", "10.0.0.2");
    static final Map<String, String> OWNERS = Map.of("client", "r1", "other", "r1", "server", "r2", "server2", "r2");

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final ListColdSource database = new ListColdSource();
    final AttributionIndex single = index();
    final AttributionIndex index1 = index();
    final AttributionIndex index2 = index();
    final ExecutorService executor = Executors.newFixedThreadPool(4);
    final Map<String, RoutedAttributor> replicas = new HashMap<>();
    final Map<String, PeerCalls> peerCalls = new HashMap<>();
    final Map<String, SimpleMeterRegistry> meters = new HashMap<>();
    final Map<String, PeerLookupController> apis = new HashMap<>();
    final AttributionService ready = Mockito.mock(AttributionService.class);
    final Map<String, Integer> calls = new HashMap<>();
    final Map<String, Integer> sent = new HashMap<>();
    final Set<String> down = new HashSet<>();
    final Set<String> slow = new HashSet<>();
    final Set<String> moving = new HashSet<>();
    final Map<String, String> owners = new HashMap<>(OWNERS);
    int chunk = 1000;
    boolean coalesce;
    int next;

    final PeerTransport transport = (url, lookups, details, outs, states) -> {
        String replica = url.substring("http://".length());
        synchronized (calls) {
            calls.merge(replica, 1, Integer::sum);
            sent.merge(replica, lookups.size(), Integer::sum);
        }
        if (down.contains(replica)) {
            throw new IOException("connection refused");
        }
        if (slow.contains(replica)) {
            throw new HttpTimeoutException("request timed out");
        }
        MockHttpServletRequest request = new MockHttpServletRequest("POST", PeerWire.PATH);
        request.setContentType("application/json");
        request.setContent(PeerWire.request(lookups, details));
        MockHttpServletResponse response = new MockHttpServletResponse();
        apis.get(replica).lookups(request, response);
        if (response.getStatus() != 200) {
            throw new IOException("answered " + response.getStatus());
        }
        PeerWire.readResponse(response.getContentAsByteArray(), outs, states, lookups.size());
    };

    AttributionIndex index() {
        return new AttributionIndex(Duration.ofHours(24), 100_000, Duration.ofSeconds(30));
    }

    TieredAttributor tiers(AttributionIndex index) {
        return new TieredAttributor(
                index,
                database,
                new ColdTierProperties(
                        true, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(5), 0, 6, 500, 2),
                () -> false,
                new AttributionMetrics(null),
                clock);
    }

    RoutedAttributor replica(String self, AttributionIndex index) {
        IndexPartitions partitions = new IndexPartitions() {
            @Override
            public int partitionOf(String hostId) {
                return OWNERS.get(hostId).equals("r1") ? 0 : 1;
            }

            @Override
            public boolean ownsReady(String hostId) {
                return self.equals(owners.get(hostId)) && !moving.contains(hostId);
            }

            @Override
            public Optional<String> ownerOf(String hostId) {
                return Optional.ofNullable(owners.get(hostId));
            }
        };
        ClusterPeers peers = new ClusterPeers() {
            @Override
            public String self() {
                return self;
            }

            @Override
            public Optional<String> apiUrl(String replicaId) {
                return replicas.containsKey(replicaId) ? Optional.of("http://" + replicaId) : Optional.empty();
            }
        };
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PeerCalls outcomes = new PeerCalls(registry, clock);
        PeerTransport wire =
                coalesce ? new CoalescingPeerTransport(transport, 1, chunk, Duration.ofSeconds(2)) : transport;
        RoutedAttributor router =
                new RoutedAttributor(tiers(index), () -> partitions, peers, wire, outcomes, executor, chunk);
        meters.put(self, registry);
        peerCalls.put(self, outcomes);
        apis.put(self, new PeerLookupController(ready, router, outcomes));
        return router;
    }

    @BeforeEach
    void fleet() {
        for (AttributionIndex index : List.of(single, index1, index2)) {
            ADDRESSES.forEach(
                    (host, address) -> index.putHost(new HostAddresses(host, host + ".lan", Set.of(address))));
        }
        Random random = new Random(7);
        List<String> hosts = List.of("client", "other", "server", "server2");
        for (int i = 0; i < 2_000; i++) {
            String host = hosts.get(random.nextInt(hosts.size()));
            boolean bind = random.nextInt(4) == 0;
            Instant time = NOW.minusSeconds(random.nextInt(600));
            SocketEventEntry e = new SocketEventEntry(
                    Seuid.format(0, ++next),
                    host,
                    bind ? "bind" : "connect",
                    (long) random.nextInt(100),
                    "/bin/" + host,
                    0L,
                    "tcp",
                    null,
                    bind ? 400 + random.nextInt(10) : 50_000 + random.nextInt(20),
                    bind ? null : ADDRESSES.get(hosts.get(random.nextInt(hosts.size()))),
                    bind ? null : 400 + random.nextInt(10),
                    time,
                    time);
            database.rows.add(e);
            single.addAll(List.of(e));
            (OWNERS.get(host).equals("r1") ? index1 : index2).addAll(List.of(e));
        }
        replicas.put("r1", replica("r1", index1));
        replicas.put("r2", replica("r2", index2));
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    List<ConnectionTuple> connections(int n) {
        Random random = new Random(11);
        List<String> addresses = List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.9.9.9");
        List<ConnectionTuple> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            IpAddress o = new IpAddress();
            IpAddress r = new IpAddress();
            o.parse(addresses.get(random.nextInt(addresses.size())));
            r.parse(addresses.get(random.nextInt(addresses.size())));
            long ts = random.nextInt(10) == 0
                    ? ConnectionTuple.UNKNOWN_TIME
                    : NOW.minusSeconds(random.nextInt(600)).toEpochMilli();
            out.add(new ConnectionTuple(
                    o.hi(),
                    o.lo(),
                    50_000 + random.nextInt(20),
                    r.hi(),
                    r.lo(),
                    400 + random.nextInt(10),
                    Transport.TCP,
                    ts));
        }
        return out;
    }

    /** Each answer as text: matches in order with every detail, then tier and reasons. */
    static List<String> answers(ConnectionAttributor attributor, List<ConnectionTuple> tuples, boolean details) {
        List<MatchCollector> outs = new ArrayList<>();
        List<Completeness> states = new ArrayList<>();
        for (int q = 0; q < tuples.size(); q++) {
            outs.add(new MatchCollector(details));
            states.add(new Completeness());
        }
        attributor.attributeAll(tuples, outs, states, tuples.size());
        List<String> text = new ArrayList<>();
        for (int q = 0; q < tuples.size(); q++) {
            StringBuilder sb = new StringBuilder();
            MatchCollector out = outs.get(q);
            for (int k = 0; k < out.size(); k++) {
                int i = out.at(k);
                sb.append(out.side(i))
                        .append(':')
                        .append(out.seuid(i))
                        .append('@')
                        .append(out.time(i));
                if (details) {
                    sb.append('/')
                            .append(out.hostId(i))
                            .append('/')
                            .append(out.hostname(i))
                            .append('/');
                    sb.append(out.pid(i))
                            .append('/')
                            .append(out.exe(i))
                            .append('/')
                            .append(out.syscall(i));
                }
                sb.append(' ');
            }
            sb.append(states.get(q).tier()).append(' ').append(states.get(q).incomplete());
            text.add(sb.toString());
        }
        return text;
    }

    @Test
    void answersAtEitherReplicaEqualASingleNodesWithAndWithoutDetails() {
        List<ConnectionTuple> tuples = connections(400);
        for (boolean details : List.of(true, false)) {
            List<String> expected = answers(tiers(single), tuples, details);
            assertThat(expected.stream().filter(a -> a.contains("@")).count()).isGreaterThan(100);
            assertThat(answers(replicas.get("r1"), tuples, details)).isEqualTo(expected);
            assertThat(answers(replicas.get("r2"), tuples, details)).isEqualTo(expected);
        }
    }

    @Test
    void aGroupCostsOneCallPerOwnerAndChunk() {
        List<ConnectionTuple> tuples = connections(300);
        answers(replicas.get("r1"), tuples, false);
        assertThat(calls).containsOnlyKeys("r2").containsEntry("r2", 1);

        chunk = 50;
        replicas.put("r1", replica("r1", index1));
        calls.clear();
        List<String> expected = answers(tiers(single), tuples, false);
        assertThat(answers(replicas.get("r1"), tuples, false)).isEqualTo(expected);
        // Lookups for r2's hosts: more than 100, fewer than 300 x 2 → several chunks, never one per tuple.
        assertThat(calls.get("r2")).isBetween(3, 12);
    }

    @Test
    void anUnreachableOwnerIsAnsweredFromTheDatabaseFlagged() {
        down.add("r2");
        List<ConnectionTuple> tuples = connections(200);
        List<String> expected = answers(tiers(single), tuples, false);
        List<String> routed = answers(replicas.get("r1"), tuples, false);
        for (int q = 0; q < tuples.size(); q++) {
            String want = expected.get(q);
            String got = routed.get(q);
            assertThat(matchesOf(got)).as("connection %d", q).isEqualTo(matchesOf(want));
            if (involves(tuples.get(q), "10.0.0.2")) {
                assertThat(got).contains("replica-unreachable");
            } else {
                assertThat(got).isEqualTo(want);
            }
        }
    }

    @Test
    void anOwnerlessHostIsAnsweredFromTheDatabaseFlagged() {
        owners.remove("server");
        List<ConnectionTuple> tuples = connections(100);
        List<String> expected = answers(tiers(single), tuples, false);
        List<String> routed = answers(replicas.get("r1"), tuples, false);
        for (int q = 0; q < tuples.size(); q++) {
            assertThat(matchesOf(routed.get(q))).isEqualTo(matchesOf(expected.get(q)));
            if (involves(tuples.get(q), "10.0.0.2")) {
                assertThat(routed.get(q)).contains("replica-unreachable");
            }
        }
    }

    @Test
    void aRebalancingPartitionIsAnsweredFromMemoryAndTheDatabaseFlagged() {
        moving.add("server");
        List<ConnectionTuple> tuples = connections(100);
        List<String> expected = answers(tiers(single), tuples, false);
        List<String> routed = answers(replicas.get("r1"), tuples, false);
        for (int q = 0; q < tuples.size(); q++) {
            assertThat(matchesOf(routed.get(q))).isEqualTo(matchesOf(expected.get(q)));
            if (involves(tuples.get(q), "10.0.0.2")) {
                assertThat(routed.get(q)).contains("rebalancing").doesNotContain("replica-unreachable");
            }
        }
    }

    @Test
    void withoutIndexPartitionsAReplicaAnswersAlone() {
        RoutedAttributor alone = new RoutedAttributor(
                tiers(single),
                () -> null,
                null,
                transport,
                new PeerCalls(new SimpleMeterRegistry(), clock),
                executor,
                chunk);
        List<ConnectionTuple> tuples = connections(50);
        assertThat(answers(alone, tuples, true)).isEqualTo(answers(tiers(single), tuples, true));
        assertThat(calls).isEmpty();
    }

    @Test
    void answeredCallsAreTimedAndTheirLookupsCountedOnBothSides() {
        answers(replicas.get("r1"), connections(300), false);

        assertThat(calls).containsOnlyKeys("r2").containsEntry("r2", 1);
        assertThat(sent.get("r2")).isGreaterThan(100);
        assertThat(outcomes("r1", "r2", "ok")).isEqualTo(1);
        assertThat(outcomes("r1", "r2", "error")).isZero();
        assertThat(meters.get("r1")
                        .get("hub.attribution.peer.latency")
                        .tag("peer", "r2")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(lookups("r1", "r2")).isEqualTo(sent.get("r2").doubleValue());
        assertThat(served("r2")).isEqualTo(sent.get("r2").doubleValue());
        // r1's own hosts are answered in process: no call, nothing served.
        assertThat(served("r1")).isZero();
        assertThat(peerCalls.get("r1").details()).containsEntry("status", "ok");
        assertThat(peerState("r1", "r2"))
                .containsEntry("lastOutcome", "ok")
                .containsEntry("consecutiveFailures", 0)
                .containsEntry("lastCallAt", NOW.toString());
    }

    @Test
    void concurrentSingleRequestsSharingCallsStillGetASingleNodesAnswersAndEveryCallIsCountedOnce() throws Exception {
        coalesce = true;
        replicas.put("r1", replica("r1", index1));
        List<ConnectionTuple> tuples = connections(400);
        List<String> expected = new ArrayList<>();
        for (int q = 0; q < tuples.size(); q++) {
            expected.add(
                    answers(tiers(single), List.of(tuples.get(q)), q % 3 == 0).get(0));
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> routed = new ArrayList<>();
            for (int q = 0; q < tuples.size(); q++) {
                List<ConnectionTuple> one = List.of(tuples.get(q));
                boolean details = q % 3 == 0;
                routed.add(clients.submit(
                        () -> answers(replicas.get("r1"), one, details).get(0)));
            }
            for (int q = 0; q < tuples.size(); q++) {
                assertThat(routed.get(q).get()).as("connection %d", q).isEqualTo(expected.get(q));
            }
        } finally {
            clients.shutdownNow();
        }
        long asking = tuples.stream().filter(t -> involves(t, "10.0.0.2")).count();
        assertThat(calls.get("r2")).isPositive().isLessThanOrEqualTo((int) asking);
        assertThat(outcomes("r1", "r2", "ok")).isEqualTo(calls.get("r2").doubleValue());
        assertThat(lookups("r1", "r2")).isEqualTo(sent.get("r2").doubleValue());
        assertThat(served("r2")).isEqualTo(sent.get("r2").doubleValue());
    }

    @Test
    void failedCallsAreCountedAndShownDegradedWhileTheirHostsAreAnsweredFromTheDatabase() {
        down.add("r2");
        chunk = 100;
        replicas.put("r1", replica("r1", index1));
        List<String> routed = answers(replicas.get("r1"), connections(300), false);

        int failed = calls.get("r2");
        assertThat(failed).isGreaterThan(1);
        assertThat(routed).anyMatch(a -> a.contains("replica-unreachable"));
        assertThat(outcomes("r1", "r2", "error")).isEqualTo(failed);
        assertThat(outcomes("r1", "r2", "ok")).isZero();
        assertThat(meters.get("r1")
                        .get("hub.attribution.peer.latency")
                        .tag("peer", "r2")
                        .timer()
                        .count())
                .isZero();
        assertThat(lookups("r1", "r2")).isEqualTo(sent.get("r2").doubleValue());
        assertThat(served("r2")).isZero();
        assertThat(peerCalls.get("r1").details()).containsEntry("status", "degraded");
        assertThat(peerState("r1", "r2"))
                .containsEntry("lastOutcome", "error")
                .containsEntry("consecutiveFailures", failed)
                .containsEntry("lastError", "java.io.IOException: connection refused");

        down.remove("r2");
        answers(replicas.get("r1"), connections(300), false);

        assertThat(outcomes("r1", "r2", "ok")).isEqualTo(calls.get("r2") - failed);
        assertThat(peerCalls.get("r1").details()).containsEntry("status", "ok");
        assertThat(peerState("r1", "r2")).containsEntry("consecutiveFailures", 0);
    }

    @Test
    void aCallThatTimesOutIsCountedAsATimeout() {
        slow.add("r2");
        List<String> routed = answers(replicas.get("r1"), connections(100), false);

        assertThat(routed).anyMatch(a -> a.contains("replica-unreachable"));
        assertThat(outcomes("r1", "r2", "timeout")).isEqualTo(1);
        assertThat(outcomes("r1", "r2", "error")).isZero();
        assertThat(peerState("r1", "r2"))
                .containsEntry("lastOutcome", "timeout")
                .containsEntry("consecutiveFailures", 1);
    }

    @Test
    void anOwnerWithoutALiveLeaseIsCountedWithoutACall() {
        owners.put("server", "r3");
        owners.put("server2", "r3");
        List<String> routed = answers(replicas.get("r1"), connections(100), false);

        assertThat(routed).anyMatch(a -> a.contains("replica-unreachable"));
        assertThat(calls).doesNotContainKey("r3");
        assertThat(outcomes("r1", "r3", "no-lease")).isEqualTo(1);
        assertThat(lookups("r1", "r3")).isZero();
        assertThat(peerCalls.get("r1").details()).containsEntry("status", "degraded");
        assertThat(peerState("r1", "r3")).containsEntry("lastOutcome", "no-lease");
    }

    double outcomes(String at, String peer, String outcome) {
        return meters.get(at)
                .get("hub.attribution.peer.calls")
                .tag("peer", peer)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    double lookups(String at, String peer) {
        return meters.get(at)
                .get("hub.attribution.peer.lookups")
                .tag("peer", peer)
                .counter()
                .count();
    }

    double served(String at) {
        return meters.get(at).get("hub.attribution.peer.served").counter().count();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> peerState(String at, String peer) {
        Map<String, Object> replicas =
                (Map<String, Object>) peerCalls.get(at).details().get("replicas");
        return (Map<String, Object>) replicas.get(peer);
    }

    @Test
    void theLookupApiRejectsBadBatches() {
        for (String body : List.of(
                "[",
                "{}",
                "{\"lookups\":[{\"sides\":1}]}",
                "{\"lookups\":[{\"host\":\"h\",\"sides\":0}]}",
                "{\"lookups\":[{\"host\":\"h\",\"sides\":1,\"op\":70000}]}",
                "{\"lookups\":[{\"host\":\"h\",\"sides\":1,\"tr\":-1}]}")) {
            assertThatThrownBy(() -> PeerWire.readRequest(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body)
                    .isInstanceOf(InvalidRequestException.class);
        }
    }

    static String matchesOf(String answer) {
        int cut = answer.lastIndexOf(' ', answer.indexOf('['));
        return answer.substring(0, answer.lastIndexOf(' ', cut - 1) + 1);
    }

    static boolean involves(ConnectionTuple c, String address) {
        IpAddress a = new IpAddress();
        a.parse(address);
        return (c.origHi() == a.hi() && c.origLo() == a.lo()) || (c.respHi() == a.hi() && c.respLo() == a.lo());
    }
}
