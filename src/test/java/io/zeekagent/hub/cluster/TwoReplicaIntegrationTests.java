package io.zeekagent.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.agent.sim.AgentSimulator;
import io.zeekagent.hub.agent.sim.SimHost;
import io.zeekagent.hub.support.PostgresTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas as child JVMs on one fresh PostgreSQL schema, simulated v1 agents on each replica's proxy: every
 * (subscription, host) is sent exactly once, a one-shot query posted to A for hosts on B completes, A's hosts
 * released while their agents stay connected are claimed again by A (nothing sent again), and after {@code kill -9}
 * of B the leader marks B's hosts OFFLINE within the lease, and they are re-owned (and sent their subscription once
 * more) when their agents reconnect to A. Tagged {@code cluster}: about two JVM starts.
 */
@Tag("cluster")
@Tag("postgres")
@ExtendWith(PostgresTestDatabase.class)
class TwoReplicaIntegrationTests {

    private static final String SUBSCRIBE = "ZeekAgent::host_subscribe";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private String url = "";
    private final Path dir = Path.of("target", "cluster-it", Long.toString(System.currentTimeMillis()));

    @Test
    void replicasSendEachSubscriptionOnceAnswerQueriesForEachOtherReclaimReleasedHostsAndTakeOverAKilledReplicasHosts()
            throws Exception {
        java.nio.file.Files.createDirectories(dir);
        String schema = PostgresTestDatabase.createSchema();
        url = "jdbc:postgresql://" + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT + "/"
                + PostgresTestDatabase.DATABASE + "?currentSchema=" + schema;
        String[] fast = {"--hub.cluster.heartbeat=1s", "--hub.cluster.lease=4s", "--hub.dispatch.interval=1s"};
        try (ReplicaProcess a = ReplicaProcess.start("replica-a", dir, url, schema, fast);
                ReplicaProcess b = ReplicaProcess.start("replica-b", dir, url, schema, fast)) {
            a.awaitUp();
            b.awaitUp();
            try (AgentSimulator onA = new AgentSimulator(a.xpubEndpoint(), a.xsubEndpoint());
                    AgentSimulator onB = new AgentSimulator(b.xpubEndpoint(), b.xsubEndpoint())) {
                List<SimHost> hostsA = onA.startMany("a", 3, List.of());
                List<SimHost> hostsB = onB.startMany("b", 3, List.of());
                for (SimHost h : hostsA) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> online(a, h.hostId()));
                }
                for (SimHost h : hostsB) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> online(a, h.hostId()));
                }

                // 1. A subscription created on B reaches every host once, whichever replica holds it.
                ReplicaProcess.Response created = b.post(
                        "/api/v1/subscriptions",
                        "{\"name\":\"processes\",\"query\":\"SELECT pid, exe FROM process_events\",\"intervalSeconds\":60}");
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                String subscription = id(created.body());
                for (SimHost h : hostsA) {
                    awaitOneSubscribe(onA, h, a, subscription);
                }
                for (SimHost h : hostsB) {
                    awaitOneSubscribe(onB, h, b, subscription);
                }
                Thread.sleep(3_000); // three more ticks on each replica: nothing is sent again
                hostsA.forEach(
                        h -> assertThat(subscribes(onA, h)).as(h.hostId()).isEqualTo(1));
                hostsB.forEach(
                        h -> assertThat(subscribes(onB, h)).as(h.hostId()).isEqualTo(1));

                // 2. A one-shot query posted to A for the hosts on B completes on A.
                ReplicaProcess.Response posted = a.post(
                        "/api/v1/queries",
                        "{\"query\":\"SELECT pid, exe FROM process_events\",\"hosts\":[\"b-0\",\"b-1\"]}");
                assertThat(posted.status()).as(posted.body()).isEqualTo(202);
                String queryId = id(posted.body());
                ReplicaProcess.Response answer = a.get("/api/v1/queries/" + queryId + "?waitSeconds=30");
                assertThat(answer.body()).contains("\"complete\":true").doesNotContain("\"PENDING\"");

                // 3. A's hosts released and marked OFFLINE while their agents stay connected (what the leader does
                // to a replica whose lease lapsed in a database outage): A claims them again, sending nothing again.
                long released = System.nanoTime();
                execute(
                        "update host_owners set owner_replica = null, owner_epoch = owner_epoch + 1"
                                + " where owner_replica = 'replica-a'",
                        "update hosts set status = 'OFFLINE' where host_id like 'a-%'");
                for (SimHost h : hostsA) {
                    await().atMost(Duration.ofSeconds(30))
                            .until(() ->
                                    online(a, h.hostId()) && dump(ownerOf(h)).equals("replica-a\n"));
                }
                long reclaimedMillis = (System.nanoTime() - released) / 1_000_000;
                System.out.println("[cluster] A's released hosts re-claimed " + reclaimedMillis + " ms after release");
                Thread.sleep(2_000);
                hostsA.forEach(
                        h -> assertThat(subscribes(onA, h)).as(h.hostId()).isEqualTo(1));

                // 4. kill -9 B: the leader (A) marks B's hosts OFFLINE once B's lease expires.
                long killed = System.nanoTime();
                b.kill();
                for (SimHost h : hostsB) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> !online(a, h.hostId()));
                }
                long offlineMillis = (System.nanoTime() - killed) / 1_000_000;
                System.out.println("[cluster] B's hosts OFFLINE " + offlineMillis + " ms after kill -9");
                hostsA.forEach(
                        h -> assertThat(online(a, h.hostId())).as(h.hostId()).isTrue());

                // 5. B's agents reconnect to A: A owns them and sends their subscription once.
                try (AgentSimulator movedToA = new AgentSimulator(a.xpubEndpoint(), a.xsubEndpoint())) {
                    hostsB.forEach(movedToA::start);
                    for (SimHost h : hostsB) {
                        await().atMost(Duration.ofSeconds(30)).until(() -> subscribes(movedToA, h) == 1);
                    }
                    long reowned = (System.nanoTime() - killed) / 1_000_000;
                    System.out.println("[cluster] B's hosts re-owned and redelivered " + reowned + " ms after kill");
                    Thread.sleep(2_000);
                    hostsB.forEach(h -> assertThat(subscribes(movedToA, h)).isEqualTo(1));
                    hostsA.forEach(h -> assertThat(subscribes(onA, h)).isEqualTo(1));
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- A:\n" + a.logTail() + "\n--- B:\n" + b.logTail(), e);
            }
        } finally {
            PostgresTestDatabase.dropSchema(schema);
        }
    }

    private void awaitOneSubscribe(AgentSimulator simulator, SimHost host, ReplicaProcess replica, String subscription)
            throws Exception {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> subscribes(simulator, host) == 1);
        } catch (RuntimeException e) {
            throw new AssertionError(
                    host.hostId() + " received "
                            + simulator.received(host.hostId()).stream()
                                    .map(ev -> ev.name())
                                    .toList()
                            + "; deliveries: "
                            + replica.get("/api/v1/subscriptions/" + subscription + "/deliveries")
                                    .body()
                            + "; host: "
                            + replica.get("/api/v1/hosts/" + host.hostId()).body()
                            + "; owners: " + dump("select host_id, owner_replica, owner_epoch from host_owners")
                            + "; replicas: " + dump("select replica_id, lease_until, now() from hub_replicas"),
                    e);
        }
    }

    private static String ownerOf(SimHost host) {
        return "select owner_replica from host_owners where host_id = '" + host.hostId() + "'";
    }

    /** Runs the statements in one transaction. */
    private void execute(String... statements) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, PostgresTestDatabase.USER, "");
                java.sql.Statement statement = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
            c.commit();
        }
    }

    private String dump(String sql) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, PostgresTestDatabase.USER, "");
                java.sql.ResultSet rs = c.createStatement().executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.append(rs.getString(i)).append(i == rs.getMetaData().getColumnCount() ? "\n" : " ");
                }
            }
            return out.toString();
        } catch (java.sql.SQLException e) {
            return e.toString();
        }
    }

    private static long subscribes(AgentSimulator simulator, SimHost host) {
        return simulator.received(host.hostId()).stream()
                .filter(e -> SUBSCRIBE.equals(e.name()))
                .count();
    }

    private static boolean online(ReplicaProcess replica, String hostId) {
        try {
            ReplicaProcess.Response r = replica.get("/api/v1/hosts/" + hostId);
            return r.status() == 200 && r.body().contains("\"status\":\"ONLINE\"");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String id(String json) {
        Matcher m = ID.matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }
}
