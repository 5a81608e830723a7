package io.zeekagent.hub.websocket;

import static io.zeekagent.hub.broker.BrokerValue.address;
import static io.zeekagent.hub.broker.BrokerValue.count;
import static io.zeekagent.hub.broker.BrokerValue.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.host.HostResponse;
import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.host.HostStatus;
import io.zeekagent.hub.support.HubHttp;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * End to end over a real WebSocket and real HTTP: simulated Zeek Agent v2 against a whole hub on random ports.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.dispatch.interval=200ms",
            "hub.websocket.hello-interval=1s",
            "hub.websocket.default-socket-events=false"
        })
class WebSocketAgentsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WebSocketServerLifecycle server;

    @Autowired
    HostService hosts;

    @Autowired
    MeterRegistry meters;

    private HubHttp http;
    private final List<V2AgentSimulator> agents = new ArrayList<>();

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    @AfterEach
    void stopAgents() throws InterruptedException {
        for (V2AgentSimulator agent : agents) {
            agent.close();
        }
    }

    @Test
    void helloRegistersTheAgentOnlineOverWebSocketAndTheHubSaysHelloBackAndKeepsSayingIt() throws Exception {
        V2AgentSimulator agent = connect("Hhello1", "hello-1.example.net", "10.20.0.1");

        HostResponse host = hosts.get("Hhello1");
        assertThat(host.transport()).isEqualTo("websocket-v2");
        assertThat(host.hostname()).isEqualTo("hello-1.example.net");
        assertThat(host.addresses()).containsExactly("10.20.0.1");
        assertThat(host.agentVersion()).isEqualTo("2.3.0-19");
        assertThat(host.announcedGroups()).containsExactly("linux");
        assertThat(agent.received().get(0)).startsWith("{\"type\":\"ack\"");
        await().until(() -> named(agent, HubEvents.ZEEK_HELLO).size() >= 3);
        assertThat(named(agent, HubEvents.ZEEK_HELLO).get(0).args().get(0).asString())
                .startsWith("zeek_hub_");
        assertThat(http.get("/api/v1/activity?peer=Hhello1&size=20").json().toString())
                .contains("host joined over WebSocket", "Debian GNU/Linux 12");
    }

    @Test
    void subscriptionIsInstalledAndItsRowsAreStoredWithAddsAndRemoves() throws Exception {
        V2AgentSimulator agent = connect("Hrows1", "rows-1.example.net", "10.20.0.2");
        agent.table("sockets", List.of(socket(100, "sshd", 22), socket(101, "nginx", 443)));

        String id = subscribe("SELECT pid, process, local_port FROM sockets", 5, "BOTH", "Hrows1");

        await().until(() -> !agent.installedQueryIds().isEmpty());
        ZeekEvent install = named(agent, HubEvents.INSTALL_QUERY).get(0);
        assertThat(install.args()).hasSize(3);
        List<BrokerValue> query = install.args().get(2).asVector();
        assertThat(query).hasSize(7);
        assertThat(query.get(1).asTimespan()).isEqualTo(Duration.ofSeconds(5));
        assertThat(query.get(2).asEnum()).isEqualTo("ZeekAgent::SnapshotPlusDifferences");
        assertThat(query.get(4).asString()).isEqualTo(id);
        await().until(() -> results(id).size() == 2);
        assertThat(results(id).get(0).get("updateType").asString()).isEqualTo("ADD");
        assertThat(results(id).toString()).contains("\"process\":\"sshd\"", "\"local_port\":443");

        agent.table("sockets", List.of(socket(101, "nginx", 443), socket(102, "zeek", 47760)));
        agent.runScheduledQueries();

        await().until(() -> results(id).size() == 4);
        assertThat(results(id).toString()).contains("\"updateType\":\"REMOVE\"", "\"process\":\"zeek\"");
        assertThat(deliveries(id).get(0).get("transport").asString()).isEqualTo("websocket-v2");
        assertThat(deliveries(id).get(0).get("state").asString()).isEqualTo("SUBSCRIBED");
    }

    @Test
    void deletedSubscriptionIsCancelledAndReallyGoneAfterAReconnect() throws Exception {
        V2AgentSimulator agent = connect("Hcancel1", "cancel-1.example.net", "10.20.0.3");
        String id = subscribe("SELECT pid FROM sockets", 5, "BOTH", "Hcancel1");
        await().until(() -> !agent.installedQueryIds().isEmpty());
        String queryId = agent.installedQueryIds().iterator().next();

        assertThat(http.delete("/api/v1/subscriptions/" + id).status()).isEqualTo(204);

        await().until(() -> agent.installedQueryIds().isEmpty());
        assertThat(named(agent, HubEvents.CANCEL_QUERY).get(0).args().get(1).asString())
                .isEqualTo(queryId);
        agent.reconnect();
        await().until(() -> hosts.get("Hcancel1").status() == HostStatus.ONLINE
                && named(agent, HubEvents.ZEEK_HELLO).size() >= 2);
        Thread.sleep(600); // three dispatch ticks: a replayed query would be installed by now
        assertThat(agent.installedQueryIds()).isEmpty();
    }

    @Test
    void reconnectWithANewHelloIdGetsEverythingRedelivered() throws Exception {
        V2AgentSimulator agent = connect("Hreconnect1", "reconnect-1.example.net", "10.20.0.4");
        subscribe("SELECT pid FROM sockets", 5, "ADDED", "Hreconnect1");
        await().until(() -> agent.installedQueryIds().size() == 1);

        agent.reconnect();

        await().until(() -> agent.installedQueryIds().size() == 1
                && named(agent, HubEvents.INSTALL_QUERY).size() == 2);
        assertThat(http.get("/api/v1/activity?peer=Hreconnect1&size=20").json().toString())
                .contains("host reconnected over WebSocket");
    }

    @Test
    void shutdownAndClosedSocketMakeTheHostOffline() throws Exception {
        V2AgentSimulator polite = connect("Hshutdown1", "shutdown-1.example.net", "10.20.0.5");
        V2AgentSimulator abrupt = connect("Hclose1", "close-1.example.net", "10.20.0.6");

        polite.shutdown();
        abrupt.close();

        await().until(() -> hosts.get("Hshutdown1").status() == HostStatus.OFFLINE
                && hosts.get("Hclose1").status() == HostStatus.OFFLINE);
        assertThat(http.get("/api/v1/activity?peer=Hshutdown1&size=20").json().toString())
                .contains("Zeek Agent host shut down");
    }

    @Test
    void agentErrorIsLoggedAndMarksTheDeliveryFailedWithTheAgentsMessage() throws Exception {
        connect("Herror1", "error-1.example.net", "10.20.0.7");

        String id = subscribe("SELECT nonsense FROM sockets", 5, "BOTH", "Herror1");

        await().until(() -> deliveries(id).size() == 1
                && deliveries(id).get(0).get("state").asString().equals("FAILED"));
        assertThat(deliveries(id).get(0).get("message").asString())
                .contains("could not compile query", "no such column: nonsense");
        assertThat(http.get("/api/v1/activity?peer=Herror1&level=warning&size=20")
                        .json()
                        .toString())
                .contains("error from Zeek Agent: could not compile query");
    }

    @Test
    void unknownEventsAndMalformedJsonAreAnsweredWithErrorsAndTheAgentStaysConnected() throws Exception {
        V2AgentSimulator agent = connect("Hgarbage1", "garbage-1.example.net", "10.20.0.8");

        agent.send("{\"type\":\"data-message\",\"topic\":\"/zeek-agent/response/all/Hgarbage1\",\"@data-type\":"
                + "\"vector\",\"data\":[{\"@data-type\":\"count\",\"data\":1},{\"@data-type\":\"count\",\"data\":1},"
                + "{\"@data-type\":\"vector\",\"data\":[{\"@data-type\":\"string\",\"data\":"
                + "\"ZeekAgentAPI::agent_bogus_v1\"},{\"@data-type\":\"vector\",\"data\":[]}]}]}");
        agent.send("[not json");

        await().until(() -> agent.received().stream()
                        .filter(m -> m.startsWith("{\"type\":\"error\""))
                        .count()
                == 2);
        assertThat(meters.get("hub.websocket.drops")
                        .tag("reason", "unknown-event")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(agent.isOpen()).isTrue();
        assertThat(hosts.get("Hgarbage1").status()).isEqualTo(HostStatus.ONLINE);
    }

    @Test
    void oneShotQueryIsAnsweredByAV2AgentAsASnapshot() throws Exception {
        V2AgentSimulator agent = connect("Honeshot1", "oneshot-1.example.net", "10.20.0.9");
        agent.table("sockets", List.of(socket(100, "sshd", 22)));

        HubHttp.Reply accepted = http.post(
                "/api/v1/queries", "{\"query\":\"SELECT pid, process FROM sockets\",\"hosts\":[\"Honeshot1\"]}");
        assertThat(accepted.status()).as(accepted.json().toString()).isEqualTo(202);
        String id = accepted.json().get("id").asString();

        JsonNode answer = http.get("/api/v1/queries/" + id + "?waitSeconds=10").json();
        assertThat(answer.get("complete").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.toString()).contains("\"process\":\"sshd\"");
        List<BrokerValue> query =
                named(agent, HubEvents.INSTALL_QUERY).get(0).args().get(2).asVector();
        assertThat(query.get(1).isNone()).as("no schedule").isTrue();
        assertThat(query.get(2).asEnum()).isEqualTo("ZeekAgent::Snapshots");
        assertThat(agent.installedQueryIds()).isEmpty();
    }

    @Test
    void oneShotQueryTheAgentCannotRunShowsTheHostFailedWithTheAgentsMessage() throws Exception {
        connect("Honeshotfail1", "oneshot-fail-1.example.net", "10.20.0.11");

        HubHttp.Reply accepted = http.post(
                "/api/v1/queries", "{\"query\":\"SELECT nonsense FROM sockets\",\"hosts\":[\"Honeshotfail1\"]}");
        assertThat(accepted.status()).as(accepted.json().toString()).isEqualTo(202);
        String id = accepted.json().get("id").asString();

        // The poll ends when the error arrives, not when the wait runs out: the failed host is not pending.
        JsonNode answer = http.get("/api/v1/queries/" + id + "?waitSeconds=30").json();
        assertThat(answer.get("complete").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.get("pending")).isEmpty();
        JsonNode host = answer.get("hosts").get(0);
        assertThat(host.get("hostId").asString()).isEqualTo("Honeshotfail1");
        assertThat(host.get("state").asString()).isEqualTo("FAILED");
        assertThat(host.get("error").asString()).contains("could not compile query", "no such column: nonsense");
        assertThat(host.get("answeredAt").isNull()).isFalse();
        assertThat(host.get("rows")).isEmpty();
    }

    @Test
    void agentsViewShowsWhatTheLastHelloSaidAndHellosKeepTheSessionFresh() throws Exception {
        connect("Hview1", "view-1.example.net", "10.20.0.10", Duration.ofMillis(300));
        JsonNode first = http.get("/api/v1/websocket/agents/Hview1").json();

        await().until(() -> !http.get("/api/v1/websocket/agents/Hview1")
                .json()
                .get("lastHello")
                .equals(first.get("lastHello")));
        assertThat(first.get("platform").asString()).isEqualTo("Linux");
        assertThat(first.get("kernel").asString()).isEqualTo("Linux 6.1.0-18-amd64 x86_64");
        assertThat(first.get("uptimeSeconds").asLong()).isEqualTo(42);
        assertThat(first.get("tables").toString()).contains("sockets_events");
        assertThat(http.get("/api/v1/websocket/agents/Hnobody").status()).isEqualTo(404);
        assertThat(http.get("/actuator/health/websocket").json().get("status").asString())
                .isEqualTo("UP");
    }

    private V2AgentSimulator connect(String agentId, String hostname, String address) throws InterruptedException {
        return connect(agentId, hostname, address, Duration.ofSeconds(60));
    }

    private V2AgentSimulator connect(String agentId, String hostname, String address, Duration helloEvery)
            throws InterruptedException {
        V2AgentSimulator agent = new V2AgentSimulator(
                URI.create("ws://127.0.0.1:" + server.port()),
                agentId,
                SimulatedAgentOptions.defaults(hostname, address).helloEvery(helloEvery));
        agents.add(agent);
        agent.connect();
        await().until(() ->
                hosts.find(agentId).map(h -> h.status() == HostStatus.ONLINE).orElse(false));
        // The hub's zeek_hello ends its handling of the agent's hello; what a test sends next is not raced by it
        // (a close, taken on the selector thread, would otherwise overtake a shutdown still queued behind the hello).
        await().until(() -> !named(agent, HubEvents.ZEEK_HELLO).isEmpty());
        return agent;
    }

    static List<BrokerValue> socket(long pid, String process, long port) {
        return List.of(
                count(pid),
                string(process),
                string("IPv4"),
                count(6),
                address("0.0.0.0"),
                count(port),
                address("0.0.0.0"),
                count(0),
                string("LISTEN"));
    }

    private String subscribe(String query, int interval, String updateType, String hostId) {
        HubHttp.Reply reply = http.post(
                "/api/v1/subscriptions",
                "{\"name\":\"v2\",\"query\":\"" + query + "\",\"intervalSeconds\":" + interval + ",\"updateType\":\""
                        + updateType + "\",\"hosts\":[\"" + hostId + "\"]}");
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private List<JsonNode> results(String id) {
        List<JsonNode> rows = new ArrayList<>();
        http.get("/api/v1/subscriptions/" + id + "/results?size=100")
                .json()
                .get("content")
                .forEach(rows::add);
        return rows;
    }

    private List<JsonNode> deliveries(String id) {
        List<JsonNode> rows = new ArrayList<>();
        http.get("/api/v1/subscriptions/" + id + "/deliveries")
                .json()
                .get("content")
                .forEach(rows::add);
        return rows;
    }

    private static List<ZeekEvent> named(V2AgentSimulator agent, String name) {
        return agent.events().stream().filter(e -> e.name().equals(name)).toList();
    }
}
