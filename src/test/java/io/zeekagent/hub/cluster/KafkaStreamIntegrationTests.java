package io.zeekagent.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.support.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The socket-event stream end to end: one KRaft broker in this JVM, two replicas as child JVMs on one fresh
 * PostgreSQL schema. Socket events posted to either replica are stored exactly once (group {@code store}) and
 * attributed by the replica whose index partition holds their host (group {@code index}, {@code index_partitions});
 * after {@code kill -9} of one replica its partitions move to the survivor, which replays them from Kafka and then
 * answers for their hosts. Tagged {@code cluster}/{@code kafka}: a broker and two JVM starts, about a minute.
 */
@Tag("cluster")
@Tag("kafka")
@Tag("postgres")
@ExtendWith(PostgresTestDatabase.class)
class KafkaStreamIntegrationTests {

    private static final int PARTITIONS = 6;
    private static final int HOSTS = 24;
    private static final Pattern SEUID = Pattern.compile("\"([0-9A-Za-z]{10,32})\"");

    private final Path dir = Path.of("target", "kafka-stream-it", Long.toString(System.currentTimeMillis()));
    private String url = "";

    @Test
    void eventsPostedToEitherReplicaAreStoredOnceAndAttributedByTheirPartitionsOwnerAlsoAfterAKill() throws Exception {
        Files.createDirectories(dir);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.afterPropertiesSet();
        String schema = PostgresTestDatabase.createSchema();
        url = "jdbc:postgresql://" + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT + "/"
                + PostgresTestDatabase.DATABASE + "?currentSchema=" + schema;
        String run = schema;
        String[] args = {
            "--hub.cluster.heartbeat=1s",
            "--hub.cluster.lease=4s",
            "--hub.cluster.kafka.topic=events-" + run,
            "--hub.cluster.kafka.partitions=" + PARTITIONS,
            "--hub.cluster.kafka.store-group=store-" + run,
            "--hub.cluster.kafka.index-group=index-" + run,
            "--hub.cluster.kafka.properties.session.timeout.ms=6000",
            "--hub.cluster.kafka.properties.heartbeat.interval.ms=1000"
        };
        try (ReplicaProcess a =
                ReplicaProcess.startOnKafka("ks-a", dir, url, schema, broker.getBrokersAsString(), args)) {
            a.awaitUp();
            // Host addresses before B starts: B reads them at startup (replicating address changes between
            // replicas is attribution's part of issue 21, not this test's).
            for (int h = 0; h <= HOSTS; h++) {
                ReplicaProcess.Response r = a.post(
                        "/api/v1/hosts", "{\"hostId\":\"" + host(h) + "\",\"addresses\":[\"" + address(h) + "\"]}");
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
            try (ReplicaProcess b =
                    ReplicaProcess.startOnKafka("ks-b", dir, url, schema, broker.getBrokersAsString(), args)) {
                run(a, b);
            }
        } finally {
            PostgresTestDatabase.dropSchema(schema);
            broker.destroy();
        }
    }

    private void run(ReplicaProcess a, ReplicaProcess b) throws Exception {
        try {
            b.awaitUp();
            // Both replicas in the index group, every partition held and replayed.
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> owners(true).size() == PARTITIONS
                            && owners(true).containsValue("ks-a")
                            && owners(true).containsValue("ks-b"));

            // 1. Events posted half to A, half to B: each stored once.
            Map<String, String> seuidOf = new HashMap<>();
            long now = System.currentTimeMillis() / 1000;
            for (int h = 0; h < HOSTS; h++) {
                ReplicaProcess to = h % 2 == 0 ? a : b;
                ReplicaProcess.Response created = to.post("/api/v1/socket-events", event(h, now));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                Matcher m = SEUID.matcher(created.body());
                assertThat(m.find()).as(created.body()).isTrue();
                seuidOf.put(host(h), m.group(1));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from socket_events") == HOSTS);
            assertThat(count("select count(distinct seuid) from socket_events")).isEqualTo(HOSTS);

            // 2. The replica holding a host's partition answers for it from memory, completely.
            Map<Integer, String> owners = owners(true);
            for (int h = 0; h < HOSTS; h++) {
                ReplicaProcess owner = "ks-a".equals(owners.get(KeyPartitioner.partition(host(h), PARTITIONS))) ? a : b;
                int host = h;
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> attribute(owner, host, now).contains(seuidOf.get(host(host))));
                assertThat(attribute(owner, h, now)).contains("\"complete\":true");
            }

            // 3. kill -9 B: its partitions move to A, which replays them and then answers for B's hosts.
            List<Integer> fromB = new ArrayList<>();
            owners.forEach((p, r) -> {
                if ("ks-b".equals(r)) {
                    fromB.add(p);
                }
            });
            int watched = firstHostOf(fromB);
            long killed = System.nanoTime();
            b.kill();
            List<String> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        seen.add(attribute(a, watched, now));
                        Map<Integer, String> o = owners(true);
                        return o.size() == PARTITIONS && !o.containsValue("ks-b");
                    });
            long failover = (System.nanoTime() - killed) / 1_000_000;
            System.out.println("[kafka-stream] B's index partitions " + fromB + " held and replayed by A "
                    + failover + " ms after kill -9; answers seen meanwhile with rebalancing: "
                    + seen.stream().filter(s -> s.contains("rebalancing")).count() + " of " + seen.size());
            for (String answer : seen) {
                // Never a wrong answer: either complete with the event, or flagged incomplete.
                assertThat(answer.contains(seuidOf.get(host(watched)))
                                || answer.contains("\"complete\":false")
                                || answer.contains("\"orig_seuids\":[]"))
                        .as(answer)
                        .isTrue();
            }
            for (int h = 0; h < HOSTS; h++) {
                String answer = attribute(a, h, now);
                assertThat(answer).as(host(h)).contains(seuidOf.get(host(h))).contains("\"complete\":true");
            }

            // 4. Events posted to the survivor after the kill are stored once and attributed too; nothing the
            // store group redelivered after the kill was stored twice.
            ReplicaProcess.Response late = a.post("/api/v1/socket-events", event(HOSTS, now));
            assertThat(late.status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("select count(*) from socket_events") == HOSTS + 1);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> attribute(a, HOSTS, now).contains("\"complete\":true")
                            && !attribute(a, HOSTS, now).contains("\"orig_seuids\":[]"));
            assertThat(count("select count(distinct seuid) from socket_events")).isEqualTo(HOSTS + 1);

            // 5. Health and metrics of the survivor: its partitions, the Kafka connection, the stream's counters.
            String health = a.get("/actuator/health").body();
            assertThat(health)
                    .contains("\"indexPartitions\"")
                    .contains("\"connected\":true")
                    .contains("\"ready\":[0,1,2,3,4,5]");
            for (String metric : List.of(
                    "hub.cluster.stream.produced",
                    "hub.cluster.stream.consumed?tag=group:store",
                    "hub.cluster.stream.consumed?tag=group:index",
                    "hub.cluster.stream.lag?tag=group:index",
                    "hub.cluster.stream.replay")) {
                ReplicaProcess.Response m = a.get("/actuator/metrics/" + metric);
                assertThat(m.status()).as(metric + ": " + m.body()).isEqualTo(200);
            }
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n--- A:\n" + a.logTail() + "\n--- B:\n" + b.logTail(), e);
        }
    }

    private static String address(int h) {
        return "10.1." + h + ".1";
    }

    private static String host(int h) {
        return "kh-" + h;
    }

    private static int firstHostOf(List<Integer> partitions) {
        for (int h = 0; h < HOSTS; h++) {
            if (partitions.contains(KeyPartitioner.partition(host(h), PARTITIONS))) {
                return h;
            }
        }
        throw new AssertionError("no host in partitions " + partitions);
    }

    /** A connect of host h to 10.9.h.1:443, received now. */
    private static String event(int h, long now) {
        return "[{\"hostId\":\"" + host(h) + "\",\"syscall\":\"connect\",\"pid\":" + (100 + h)
                + ",\"exe\":\"/usr/bin/curl\",\"protocol\":\"tcp\",\"remoteAddress\":\"10.9." + h
                + ".1\",\"remotePort\":443,\"time\":" + now + "}]";
    }

    private static String attribute(ReplicaProcess replica, int h, long now) {
        String conn = "{\"uid\":\"C" + h + "\",\"ts\":" + now + ",\"id.orig_h\":\"" + address(h)
                + "\",\"id.orig_p\":50000," + "\"id.resp_h\":\"10.9." + h + ".1\",\"id.resp_p\":443,\"proto\":\"tcp\"}";
        try {
            return replica.post("/api/v1/attributions", conn).body();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** index_partitions: partition → replica (only ready rows when {@code ready}). */
    private Map<Integer, String> owners(boolean ready) throws SQLException {
        Map<Integer, String> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, PostgresTestDatabase.USER, "");
                ResultSet rs =
                        c.createStatement().executeQuery("select partition, replica_id, ready from index_partitions")) {
            while (rs.next()) {
                if (!ready || rs.getBoolean(3)) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PostgresTestDatabase.USER, "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
