package io.zeekagent.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.attribution.SingleNodeEnrichment;
import io.zeekagent.hub.attribution.SocketEventEntry;
import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.support.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Cross-replica attribution on the real stream: one KRaft broker in this JVM, two replicas (child JVMs, one fresh
 * PostgreSQL schema) in the index consumer group. Hosts are picked from {@code index_partitions} so that two live
 * on A's partitions and two on B's ({@link KeyPartitioner}, as the replicas route); hosts are registered and socket
 * events posted at either replica, and reach the owner's hot index through Kafka. Attribution asked at A for
 * connections whose hosts live on B equals B's answer; NDJSON and TSV batch enrichment through A equal a single
 * node's output line for line; with B's partitions rewritten to a replica that does not exist, A answers B's hosts
 * from the database, flagged {@code replica-unreachable}. Tagged {@code cluster}/{@code kafka}: about a minute.
 */
@Tag("cluster")
@Tag("kafka")
@Tag("postgres")
@ExtendWith(PostgresTestDatabase.class)
class CrossReplicaAttributionIntegrationTests {

    static final String TOKEN = "cluster-test-internal-token-0123456789";
    private static final int PARTITIONS = 6;
    private static final Pattern SEUID = Pattern.compile("\"([0-9A-Za-z]{10,})\"");

    private static EmbeddedKafkaKraftBroker broker;

    private final Path dir = Path.of("target", "cluster-it", "attr-" + System.currentTimeMillis());
    private final List<HostAddresses> hosts = new ArrayList<>();
    private final List<SocketEventEntry> events = new ArrayList<>();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    /** The replica arguments for a run on {@code schema}: its own topic and groups, quick heartbeats. */
    static String[] replicaArgs(String schema, int partitions, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--hub.cluster.heartbeat=1s",
                "--hub.cluster.lease=4s",
                "--hub.cluster.internal-token=" + TOKEN,
                "--hub.cluster.address-refresh=300ms",
                "--hub.cluster.kafka.topic=events-" + schema,
                "--hub.cluster.kafka.partitions=" + partitions,
                "--hub.cluster.kafka.store-group=store-" + schema,
                "--hub.cluster.kafka.index-group=index-" + schema,
                "--hub.cluster.kafka.owner-cache=300ms",
                "--hub.cluster.kafka.properties.session.timeout.ms=6000",
                "--hub.cluster.kafka.properties.heartbeat.interval.ms=1000"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void attributionAtEitherReplicaEqualsTheOwnersAndBatchesEqualASingleNode() throws Exception {
        java.nio.file.Files.createDirectories(dir);
        String schema = PostgresTestDatabase.createSchema();
        String url = "jdbc:postgresql://" + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT + "/"
                + PostgresTestDatabase.DATABASE + "?currentSchema=" + schema;
        String[] extra = replicaArgs(schema, PARTITIONS);
        String kafka = broker.getBrokersAsString();
        try (ReplicaProcess a = ReplicaProcess.startOnKafka("replica-a", dir, url, schema, kafka, extra);
                ReplicaProcess b = ReplicaProcess.startOnKafka("replica-b", dir, url, schema, kafka, extra)) {
            try {
                a.awaitUp();
                b.awaitUp();
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(300))
                        .until(() -> {
                            Map<Integer, String> o = owners(url);
                            return o.size() == PARTITIONS
                                    && o.containsValue("replica-a")
                                    && o.containsValue("replica-b");
                        });
                Map<Integer, String> owners = owners(url);
                List<String> onA = names("a", 2, owners, "replica-a");
                List<String> onB = names("b", 2, owners, "replica-b");
                register(a, onA, "10.1.0.");
                register(b, onB, "10.2.0.");
                // Events at the replica that does not own their host: they reach the owner through Kafka.
                ingest(b, onA, "10.2.0.", 50_000, 443);
                ingest(a, onB, "10.1.0.", 40_000, 8080);
                binds(a, onB, 443);

                // 1. Single records: A's answer equals B's (the owner's, all local there) and holds B's events.
                String toB = record("C1", 50_003, "10.1.0.1", "10.2.0.1", 443, 3);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> a.post("/api/v1/attributions", toB).body().contains("\"resp_seuids\":[\""));
                for (String record : List.of(
                        toB,
                        record("C2", 40_005, "10.2.0.2", "10.1.0.2", 8080, 5),
                        record("C3", 40_001, "10.2.0.1", "10.2.0.2", 8080, 1),
                        record("C4", 50_002, "10.1.0.2", "10.2.0.2", 443, 2))) {
                    ReplicaProcess.Response atA = a.post("/api/v1/attributions", record);
                    ReplicaProcess.Response atB = b.post("/api/v1/attributions", record);
                    assertThat(atA.status()).as(atA.body()).isEqualTo(200);
                    assertThat(atA.body()).as(record).isEqualTo(atB.body()).contains("\"complete\":true");
                }
                assertThat(a.post("/api/v1/attributions", toB).body()).contains("\"hostId\":\"" + onB.get(0));
                // A's calls to B are counted and timed, B counts what it served, A's health shows B answering.
                assertThat(count(a, "hub.attribution.peer.calls?tag=peer:replica-b&tag=outcome:ok"))
                        .isPositive();
                assertThat(count(a, "hub.attribution.peer.latency?tag=peer:replica-b"))
                        .isPositive();
                assertThat(count(b, "hub.attribution.peer.served")).isPositive();
                assertThat(a.get("/actuator/health").body())
                        .contains("\"peers\":{\"status\":\"ok\"")
                        .contains("\"replica-b\":{\"lastOutcome\":\"ok\"");

                // 2. Batches through A equal a single node's output, line for line.
                SingleNodeEnrichment single = new SingleNodeEnrichment(hosts, events);
                String ndjson = ndjson();
                List<String> expected = single.ndjson(ndjson).lines().toList();
                // Every event indexed by its owner (A's own hosts' events too came back through Kafka).
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> a.post("/api/v1/attributions/batch", "application/x-ndjson", ndjson)
                                .body()
                                .lines()
                                .toList()
                                .equals(expected));
                ReplicaProcess.Response batch = a.post("/api/v1/attributions/batch", "application/x-ndjson", ndjson);
                assertThat(batch.status()).isEqualTo(200);
                assertThat(batch.body().lines().toList()).isEqualTo(expected);
                assertThat(batch.body()).contains("\"attribution_tier\":\"memory\"");
                String tsv = tsv();
                ReplicaProcess.Response tsvBatch =
                        a.post("/api/v1/attributions/batch", "text/tab-separated-values", tsv);
                assertThat(tsvBatch.body().lines().toList())
                        .isEqualTo(single.tsv(tsv).lines().toList());

                // 3. The internal API: the cluster token or a key; bad input is a 400 problem.
                String lookup = "{\"details\":false,\"lookups\":[{\"host\":\"" + onB.get(0)
                        + "\",\"sides\":2,\"oh\":0,\"ol\":0,\"op\":0,\"rh\":0,\"rl\":0,\"rp\":443,\"tr\":6,\"ts\":0}]}";
                assertThat(b.postAs("/internal/v1/attribution/lookups", lookup).status())
                        .isEqualTo(401);
                assertThat(b.postAs("/internal/v1/attribution/lookups", lookup, "X-API-Key", "wrong-token-000")
                                .status())
                        .isEqualTo(401);
                ReplicaProcess.Response good = b.postAs("/internal/v1/attribution/lookups", lookup, "X-API-Key", TOKEN);
                assertThat(good.status()).as(good.body()).isEqualTo(200);
                assertThat(good.body()).startsWith("{\"results\":[{");
                ReplicaProcess.Response bad = b.postAs(
                        "/internal/v1/attribution/lookups",
                        lookup.replace("\"sides\":2", "\"sides\":9"),
                        "X-API-Key",
                        TOKEN);
                assertThat(bad.status()).isEqualTo(400);
                assertThat(bad.body()).contains("lookups[0].sides");
                assertThat(b.postAs("/internal/v1/attribution/lookups", "{\"lookups\":[{}]}", "X-API-Key", TOKEN)
                                .status())
                        .isEqualTo(400);

                // 4. B's partitions on a replica that does not exist: A answers from the database, flagged.
                String before = a.post("/api/v1/attributions", toB).body();
                sql(url, "update index_partitions set replica_id = 'replica-gone' where replica_id = 'replica-b'");
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> a.post("/api/v1/attributions", toB).body().contains("replica-unreachable"));
                String after = a.post("/api/v1/attributions", toB).body();
                assertThat(seuids(after)).isEqualTo(seuids(before)).isNotEmpty();
                assertThat(after).contains("\"complete\":false");
                // Shown as degraded, not DOWN: the answers still come, from the database.
                ReplicaProcess.Response health = a.get("/actuator/health");
                assertThat(health.status()).isEqualTo(200);
                assertThat(health.body())
                        .contains("\"peers\":{\"status\":\"degraded\"")
                        .contains("\"replica-gone\":{\"lastOutcome\":\"no-lease\"");
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- A:\n" + a.logTail() + "\n--- B:\n" + b.logTail(), e);
            }
        } finally {
            PostgresTestDatabase.dropSchema(schema);
        }
    }

    /** The {@code COUNT} of a meter as {@code /actuator/metrics/{name}} shows it at {@code replica}. */
    private static double count(ReplicaProcess replica, String nameAndTags) throws Exception {
        ReplicaProcess.Response metric = replica.get("/actuator/metrics/" + nameAndTags);
        assertThat(metric.status()).as(metric.body()).isEqualTo(200);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"statistic\":\"COUNT\",\"value\":([-0-9.E]+)")
                .matcher(metric.body());
        assertThat(m.find()).as(metric.body()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** Host ids {@code prefix-host-N} whose partitions {@code replica} holds. */
    private static List<String> names(String prefix, int n, Map<Integer, String> owners, String replica) {
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < n; i++) {
            String id = prefix + "-host-" + i;
            if (replica.equals(owners.get(KeyPartitioner.partition(id, PARTITIONS)))) {
                out.add(id);
            }
        }
        return out;
    }

    /** Ready rows of index_partitions: partition → replica. */
    static Map<Integer, String> owners(String url) throws Exception {
        Map<Integer, String> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, PostgresTestDatabase.USER, "");
                ResultSet rs =
                        c.createStatement().executeQuery("select partition, replica_id, ready from index_partitions")) {
            while (rs.next()) {
                if (rs.getBoolean(3)) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private void register(ReplicaProcess replica, List<String> ids, String net) throws Exception {
        for (int i = 0; i < ids.size(); i++) {
            String address = net + (i + 1);
            ReplicaProcess.Response r = replica.post(
                    "/api/v1/hosts",
                    "{\"hostId\":\"" + ids.get(i) + "\",\"hostname\":\"" + ids.get(i) + ".lan\",\"addresses\":[\""
                            + address + "\"]}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            hosts.add(new HostAddresses(ids.get(i), ids.get(i) + ".lan", Set.of(address)));
        }
    }

    /** Per host 10 connects from local port base+k to peer net .1/.2, port {@code port}, k seconds ago. */
    private void ingest(ReplicaProcess replica, List<String> ids, String peerNet, int base, int port) throws Exception {
        List<String> json = new ArrayList<>();
        List<SocketEventEntry> mine = new ArrayList<>();
        for (String id : ids) {
            for (int k = 0; k < 10; k++) {
                String remote = peerNet + (k % 2 + 1);
                Instant time = now.minusSeconds(k);
                json.add("{\"hostId\":\"" + id + "\",\"syscall\":\"connect\",\"pid\":" + (100 + k)
                        + ",\"exe\":\"/bin/" + id + "\",\"uid\":0,\"protocol\":\"tcp\",\"localPort\":" + (base + k)
                        + ",\"remoteAddress\":\"" + remote + "\",\"remotePort\":" + port + ",\"time\":\"" + time
                        + "\"}");
                mine.add(new SocketEventEntry(
                        "", id, "connect", 100L + k, "/bin/" + id, 0L, "tcp", null, base + k, remote, port, time, now));
            }
        }
        post(replica, json, mine);
    }

    private void binds(ReplicaProcess replica, List<String> ids, int port) throws Exception {
        List<String> json = new ArrayList<>();
        List<SocketEventEntry> mine = new ArrayList<>();
        Instant time = now.minus(Duration.ofHours(1));
        for (String id : ids) {
            json.add("{\"hostId\":\"" + id + "\",\"syscall\":\"bind\",\"pid\":7,\"exe\":\"/sbin/server\",\"protocol\":"
                    + "\"tcp\",\"localAddress\":\"0.0.0.0\",\"localPort\":" + port + ",\"time\":\"" + time + "\"}");
            mine.add(new SocketEventEntry(
                    "", id, "bind", 7L, "/sbin/server", null, "tcp", "0.0.0.0", port, null, null, time, now));
        }
        post(replica, json, mine);
    }

    private void post(ReplicaProcess replica, List<String> json, List<SocketEventEntry> mine) throws Exception {
        ReplicaProcess.Response r = replica.post("/api/v1/socket-events", "[" + String.join(",", json) + "]");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Matcher m = SEUID.matcher(r.body().substring(r.body().indexOf('[')));
        for (SocketEventEntry e : mine) {
            assertThat(m.find()).isTrue();
            events.add(new SocketEventEntry(
                    m.group(1),
                    e.hostId(),
                    e.syscall(),
                    e.pid(),
                    e.exe(),
                    e.uid(),
                    e.protocol(),
                    e.localAddress(),
                    e.localPort(),
                    e.remoteAddress(),
                    e.remotePort(),
                    e.time(),
                    e.receivedAt()));
        }
    }

    private String record(String uid, int origPort, String orig, String resp, int respPort, int secondsAgo) {
        return "{\"uid\":\"" + uid + "\",\"ts\":" + ts(secondsAgo) + ",\"id.orig_h\":\"" + orig + "\",\"id.orig_p\":"
                + origPort + ",\"id.resp_h\":\"" + resp + "\",\"id.resp_p\":" + respPort + ",\"proto\":\"tcp\"}";
    }

    private String ts(int secondsAgo) {
        Instant t = now.minusSeconds(secondsAgo);
        return String.format(Locale.ROOT, "%d.%06d", t.getEpochSecond(), t.getNano() / 1000);
    }

    /** Connections among all four hosts and to unknown addresses, matching ports or not, and one broken line. */
    private String ndjson() {
        StringBuilder sb = new StringBuilder();
        String[] addresses = {"10.1.0.1", "10.1.0.2", "10.2.0.1", "10.2.0.2", "192.0.2.9"};
        int n = 0;
        for (String orig : addresses) {
            for (String resp : addresses) {
                for (int k = 0; k < 10; k += 3) {
                    int origPort = orig.startsWith("10.1.") ? 50_000 + k : 40_000 + k;
                    int respPort = resp.startsWith("10.2.") ? 443 : 8080;
                    sb.append(record("N" + n++, origPort, orig, resp, respPort, k))
                            .append('\n');
                }
            }
        }
        sb.append("{not json\n");
        return sb.toString();
    }

    private String tsv() {
        StringBuilder sb = new StringBuilder("#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n"
                + "#unset_field\t-\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\n"
                + "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\n");
        String[] addresses = {"10.1.0.1", "10.2.0.1", "10.2.0.2"};
        int n = 0;
        for (String orig : addresses) {
            for (String resp : addresses) {
                for (int k = 0; k < 10; k += 2) {
                    int origPort = orig.startsWith("10.1.") ? 50_000 + k : 40_000 + k;
                    sb.append(ts(k))
                            .append("\tT")
                            .append(n++)
                            .append('\t')
                            .append(orig)
                            .append('\t');
                    sb.append(origPort)
                            .append('\t')
                            .append(resp)
                            .append('\t')
                            .append(resp.startsWith("10.2.") ? 443 : 8080);
                    sb.append("\ttcp\n");
                }
            }
        }
        return sb.toString();
    }

    private static List<String> seuids(String body) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"seuid\":\"([^\"]+)\"").matcher(body);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static void sql(String url, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url, PostgresTestDatabase.USER, "");
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
