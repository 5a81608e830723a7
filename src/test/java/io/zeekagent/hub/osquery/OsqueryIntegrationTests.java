package io.zeekagent.hub.osquery;

import static io.zeekagent.hub.broker.BrokerValue.integer;
import static io.zeekagent.hub.broker.BrokerValue.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.agent.sim.AgentSimulator;
import io.zeekagent.hub.agent.sim.SimHost;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.support.HubHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19's "done when", end to end over TLS: simulated osquery hosts enroll with a secret made over REST, show up
 * ONLINE with the addresses the hub asked them for, get the default osquery socket-event subscription in their
 * config, and their {@code socket_events} rows and a Zeek Agent v1's attribute the two sides of one connection; a
 * one-shot query goes out as a distributed query and comes back per host.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.osquery.enabled=true",
            "hub.osquery.port=0",
            "hub.dispatch.interval=200ms",
            "hub.osquery.enroll-per-minute=1000",
            "hub.osquery.default-socket-events=true",
            "hub.subscription.default-socket-events=true"
        })
class OsqueryIntegrationTests {

    static final Path DIR = tempDir();
    private static final int XPUB = freePort();
    private static final int XSUB = freePort();
    private static AgentSimulator v1;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.zeromq.xpub-endpoint", () -> "tcp://127.0.0.1:" + XPUB);
        registry.add("hub.zeromq.xsub-endpoint", () -> "tcp://127.0.0.1:" + XSUB);
        registry.add(
                "hub.osquery.tls.keystore", () -> OsqueryTestTls.keystore(DIR).toString());
        registry.add("hub.osquery.tls.keystore-password", () -> OsqueryTestTls.PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    OsqueryServer server;

    @BeforeAll
    static void startV1() {
        v1 = new AgentSimulator("tcp://127.0.0.1:" + XPUB, "tcp://127.0.0.1:" + XSUB, "broker-bin-v1", 0);
    }

    @AfterAll
    static void stopV1() {
        v1.close();
    }

    @Test
    void anOsqueryHostEnrollsRunsTheDefaultSubscriptionAndItsConnectionsAttribute() {
        HubHttp http = new HubHttp(port);
        String secret = createSecret(http, "linux servers", "[\"osquery-linux\"]");
        OsquerySimulator osquery = simulator(secret, "web-01", "b2c04f4d3532aaaa");
        osquery.table("interface_addresses", List.of(Map.of("address", "10.40.0.2"), Map.of("address", "127.0.0.1")));

        assertThat(osquery.fetchConfig()).isTrue();
        String osqueryDefault = subscriptionId(http, OsqueryConfiguration.SOCKET_EVENTS_NAME);
        String v1Default = subscriptionId(http, "default socket events (Zeek Agent v1)");
        assertThat(osquery.scheduledNames())
                .anyMatch(n -> n.startsWith(osqueryDefault + "@"))
                .noneMatch(n -> n.startsWith(v1Default));
        JsonNode entry = osquery.lastConfig()
                .path("schedule")
                .path(osquery.scheduledNames().stream()
                        .filter(n -> n.startsWith(osqueryDefault))
                        .findFirst()
                        .orElseThrow());
        assertThat(entry.path("query").asString()).contains("socket_events", "family IN (2, 10)");
        assertThat(entry.path("removed").asBoolean()).isFalse();
        assertThat(entry.path("platform").asString()).isEqualTo("linux,darwin");
        assertThat(osquery.lastConfig()
                        .path("options")
                        .path("distributed_interval")
                        .asInt())
                .isEqualTo(10);

        assertThat(osquery.runDistributed()).isEqualTo(1);
        JsonNode host = http.get("/api/v1/hosts/web-01").json();
        assertThat(host.path("status").asString()).isEqualTo("ONLINE");
        assertThat(host.path("transport").asString()).isEqualTo("osquery");
        assertThat(host.path("hostname").asString()).isEqualTo("web-01.example.net");
        assertThat(host.path("agentVersion").asString()).isEqualTo(OsquerySimulator.VERSION);
        assertThat(host.path("announcedGroups").toString()).contains("osquery-linux");
        assertThat(host.path("details").path("platform").asString()).isEqualTo("Linux");
        assertThat(host.path("addresses").toString()).contains("10.40.0.2").doesNotContain("127.0.0.1");

        SimHost client = new SimHost(
                "4c4c4544-0031-3810-8051-b2c04f4d0001", "client.example.net", "10.40.0.1", List.of("linux"));
        v1.start(client);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> v1.runningCookies(client.hostId()).contains(v1Default));
        long now = Instant.now().getEpochSecond();
        v1.publish(
                "/zeek/zeek-agent/zeek/ZeekMaster",
                ZeekEvent.of(
                        "ZeekAgent::query_result",
                        BrokerValue.vector(
                                string(client.hostId()), BrokerValue.enumValue("ZeekAgent::ADD"), string(v1Default)),
                        string("connect"),
                        integer(4242),
                        integer(3),
                        string("/usr/bin/curl"),
                        string(""),
                        string("10.40.0.2"),
                        integer(0),
                        integer(8080),
                        integer(now),
                        integer(1),
                        integer(1000)));
        osquery.table(
                "socket_events",
                List.of(OsquerySimulator.socketEvent(
                        "accept", 911, "a", "/usr/bin/python3", 2, "", 0, "10.40.0.1", 51000, "succeeded", now)));
        osquery.runSchedule();
        assertThat(osquery.flushLogs()).isTrue();
        assertThat(osquery.bufferedLines()).isZero();

        String conn = "{\"uid\":\"CosQ1\",\"ts\":" + now + ",\"id.orig_h\":\"10.40.0.1\",\"id.orig_p\":51000,"
                + "\"id.resp_h\":\"10.40.0.2\",\"id.resp_p\":8080,\"proto\":\"tcp\"}";
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode a = http.post("/api/v1/attributions", conn).json();
            return a.get("orig_seuids").size() == 1 && a.get("resp_seuids").size() == 1;
        });
        String matches =
                http.post("/api/v1/attributions", conn).json().get("matches").toString();
        assertThat(matches).contains(client.hostId(), "web-01", "/usr/bin/curl", "/usr/bin/python3");
        assertThat(matches).contains("\"side\":\"resp\"", "\"syscall\":\"accept\"");
    }

    @Test
    void aOneShotQueryIsADistributedQueryAnsweredPerHost() {
        HubHttp http = new HubHttp(port);
        String secret = createSecret(http, "one-shot", null);
        OsquerySimulator a = simulator(secret, "db-01", "c0ffee00c0ffee00");
        OsquerySimulator b = simulator(secret, "db-02", "c0ffee00c0ffee01");
        a.table("os_version", List.of(Map.of("name", "Ubuntu", "version", "22.04")));
        b.table("os_version", List.of());
        assertThat(a.fetchConfig()).isTrue();
        assertThat(b.fetchConfig()).isTrue();
        a.runDistributed();
        b.runDistributed();

        HubHttp.Reply created = http.post(
                "/api/v1/queries",
                "{\"query\":\"SELECT name, version FROM os_version\",\"hosts\":[\"db-01\",\"db-02\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.json().get("id").asString();
        HubHttp.Reply failing =
                http.post("/api/v1/queries", "{\"query\":\"SELECT name FROM no_such_table\",\"hosts\":[\"db-01\"]}");
        String failingId = failing.json().get("id").asString();
        assertThat(a.runDistributed()).isEqualTo(2);
        assertThat(b.runDistributed()).isEqualTo(1);

        JsonNode answers = http.get("/api/v1/queries/" + id + "?waitSeconds=10").json();
        assertThat(answers.path("complete").asBoolean()).as(answers.toString()).isTrue();
        JsonNode hosts = answers.path("hosts");
        assertThat(hosts.toString()).contains("\"name\":\"Ubuntu\"", "\"version\":\"22.04\"");
        assertThat(StreamSupport.stream(hosts.spliterator(), false)
                        .map(h -> h.path("state").asString())
                        .toList())
                .containsOnly("ANSWERED");
        JsonNode failed =
                http.get("/api/v1/queries/" + failingId + "?waitSeconds=10").json();
        assertThat(failed.path("hosts").get(0).path("state").asString()).isEqualTo("FAILED");
        assertThat(failed.path("hosts").get(0).path("error").asString()).contains("no such table");
    }

    @Test
    void rowsOfAResultsSubscriptionAreStoredPerHostAndAnAddedOnlyOneKeepsNoRemovals() {
        HubHttp http = new HubHttp(port);
        OsquerySimulator osquery = simulator(createSecret(http, "results", null), "app-01", "d00dd00dd00dd00d");
        HubHttp.Reply created = http.post(
                "/api/v1/subscriptions",
                "{\"name\":\"listening\",\"query\":\"SELECT pid, port FROM listening_ports\",\"hosts\":"
                        + "[\"app-01\"],\"intervalSeconds\":30,\"updateType\":\"ADDED\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        osquery.table("listening_ports", List.of(Map.of("pid", "42", "port", "8080")));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> osquery.fetchConfig()
                        && osquery.scheduledNames().stream().anyMatch(n -> n.startsWith(id + "@")));
        String name = osquery.scheduledNames().stream()
                .filter(n -> n.startsWith(id + "@"))
                .findFirst()
                .orElseThrow();
        assertThat(osquery.lastConfig()
                        .path("schedule")
                        .path(name)
                        .path("interval")
                        .asInt())
                .isEqualTo(30);
        osquery.runSchedule();
        osquery.buffer(OsquerySimulator.eventLine(name, "app-01", 1, Map.of("pid", "41", "port", "22"), "removed"));
        assertThat(osquery.flushLogs()).isTrue();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get("/api/v1/subscriptions/" + id + "/results?host=app-01")
                                .json()
                                .path("totalElements")
                                .asLong()
                        >= 1);
        JsonNode results =
                http.get("/api/v1/subscriptions/" + id + "/results?host=app-01").json();
        assertThat(results.path("totalElements").asLong()).isEqualTo(1);
        assertThat(results.path("content").get(0).path("row").toString())
                .isEqualTo("{\"pid\":\"42\",\"port\":\"8080\"}");
        assertThat(results.path("content").get(0).path("updateType").asString()).isEqualTo("ADD");
    }

    @Test
    void aHostsUsersTableNamesTheUserOfItsMatchesAndACommunityIdAloneFindsTheFlowAgain() {
        HubHttp http = new HubHttp(port);
        String v1Default = subscriptionId(http, "default socket events (Zeek Agent v1)");
        SimHost host =
                new SimHost("4c4c4544-0031-3810-8051-b2c04f4d0077", "users.example.net", "10.41.0.1", List.of("linux"));
        v1.start(host);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> v1.runningCookies(host.hostId()).contains(v1Default));
        HubHttp.Reply created = http.post(
                "/api/v1/queries", "{\"query\":\"SELECT uid, name FROM users\",\"hosts\":[\"" + host.hostId() + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String cookie = "query-" + created.json().get("id").asString();
        v1.publish(
                "/zeek/zeek-agent/zeek/ZeekMaster",
                ZeekEvent.of(
                        "ZeekAgent::query_result",
                        BrokerValue.vector(
                                string(host.hostId()), BrokerValue.enumValue("ZeekAgent::ADD"), string(cookie)),
                        string("1001"),
                        string("mallory")));
        long now = Instant.now().getEpochSecond();
        v1.publish(
                "/zeek/zeek-agent/zeek/ZeekMaster",
                ZeekEvent.of(
                        "ZeekAgent::query_result",
                        BrokerValue.vector(
                                string(host.hostId()), BrokerValue.enumValue("ZeekAgent::ADD"), string(v1Default)),
                        string("connect"),
                        integer(5151),
                        integer(3),
                        string("/usr/bin/ssh"),
                        string(""),
                        string("192.0.2.80"),
                        integer(0),
                        integer(22),
                        integer(now),
                        integer(1),
                        integer(1001)));

        String conn = "{\"ts\":" + now + ",\"id.orig_h\":\"10.41.0.1\",\"id.orig_p\":40022,"
                + "\"id.resp_h\":\"192.0.2.80\",\"id.resp_p\":22,\"proto\":\"tcp\"}";
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode match = http.post("/api/v1/attributions", conn)
                    .json()
                    .path("matches")
                    .path(0);
            return match.path("user").asString("").equals("mallory");
        });
        JsonNode answer = http.post("/api/v1/attributions", conn).json();
        assertThat(answer.path("matches").get(0).path("uid").asLong()).isEqualTo(1001);

        String byId = http.post(
                        "/api/v1/attributions",
                        "{\"community_id\":\"" + answer.path("community_id").asString() + "\",\"ts\":" + now + "}")
                .json()
                .toString();
        assertThat(byId).contains(answer.path("orig_seuids").get(0).asString(), "\"user\":\"mallory\"");

        // A RESULTS subscription on the users table teaches names too.
        HubHttp.Reply subscribed = http.post(
                "/api/v1/subscriptions",
                "{\"name\":\"users of " + host.hostId() + "\",\"query\":\"SELECT uid, name FROM users\",\"hosts\":[\""
                        + host.hostId() + "\"],\"intervalSeconds\":3600}");
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        v1.publish(
                "/zeek/zeek-agent/zeek/ZeekMaster",
                ZeekEvent.of(
                        "ZeekAgent::query_result",
                        BrokerValue.vector(
                                string(host.hostId()),
                                BrokerValue.enumValue("ZeekAgent::ADD"),
                                string(subscribed.json().get("id").asString())),
                        string("1001"),
                        string("trent")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.post("/api/v1/attributions", conn)
                        .json()
                        .path("matches")
                        .path(0)
                        .path("user")
                        .asString("")
                        .equals("trent"));
    }

    OsquerySimulator simulator(String secret, String identifier, String instance) {
        return new OsquerySimulator(
                URI.create("https://localhost:" + server.port()),
                OsqueryTestTls.trusting(OsqueryTestTls.keystore(DIR)),
                "/api/osquery",
                secret,
                identifier,
                instance);
    }

    static String createSecret(HubHttp http, String name, String groups) {
        HubHttp.Reply reply =
                http.post("/api/v1/osquery/enroll-secrets", "{\"name\":\"" + name + "\",\"groups\":" + groups + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("secret").asString();
    }

    static String subscriptionId(HubHttp http, String name) {
        return StreamSupport.stream(
                        http.get("/api/v1/subscriptions?size=100")
                                .json()
                                .get("content")
                                .spliterator(),
                        false)
                .filter(s -> s.get("name").asString().equals(name))
                .map(s -> s.get("id").asString())
                .findFirst()
                .orElseThrow();
    }

    static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("osquery-tls");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
