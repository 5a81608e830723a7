package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zeekagent.hub.cluster.ClusterPeers;
import io.zeekagent.hub.cluster.IndexPartitions;
import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.net.IpAddress;
import io.zeekagent.hub.system.InvalidRequestException;
import java.io.IOException;
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

/**
 * {@link RoutedAttributor} over two replicas joined by a fake transport (which still goes through the JSON wire
 * format): the merged answers equal a single node's holding every event, lookups are grouped into one call per
 * owner and chunk, and an owner that is unknown, unreachable or rebalancing is answered from the database, flagged.
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
    final Map<String, Integer> calls = new HashMap<>();
    final Set<String> down = new HashSet<>();
    final Set<String> moving = new HashSet<>();
    final Map<String, String> owners = new HashMap<>(OWNERS);
    int chunk = 1000;
    int next;

    final PeerTransport transport = (url, lookups, details, outs, states) -> {
        String replica = url.substring("http://".length());
        synchronized (calls) {
            calls.merge(replica, 1, Integer::sum);
        }
        if (down.contains(replica)) {
            throw new IOException("connection refused");
        }
        PeerWire.Request request = PeerWire.readRequest(PeerWire.request(lookups, details));
        List<HostLookup> received = PeerWire.lookups(request);
        List<MatchCollector> theirs = new ArrayList<>();
        List<Completeness> theirStates = new ArrayList<>();
        for (int k = 0; k < received.size(); k++) {
            theirs.add(new MatchCollector(request.details()));
            theirStates.add(new Completeness());
        }
        replicas.get(replica).serve(received, theirs, theirStates);
        PeerWire.readResponse(PeerWire.response(theirs, theirStates, received.size()), outs, states, lookups.size());
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
        return new RoutedAttributor(tiers(index), () -> partitions, peers, transport, executor, chunk);
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
        RoutedAttributor alone = new RoutedAttributor(tiers(single), () -> null, null, transport, executor, chunk);
        List<ConnectionTuple> tuples = connections(50);
        assertThat(answers(alone, tuples, true)).isEqualTo(answers(tiers(single), tuples, true));
        assertThat(calls).isEmpty();
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
