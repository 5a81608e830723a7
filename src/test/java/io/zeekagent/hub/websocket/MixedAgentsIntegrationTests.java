package io.zeekagent.hub.websocket;

import static io.zeekagent.hub.broker.BrokerValue.integer;
import static io.zeekagent.hub.broker.BrokerValue.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.agent.sim.AgentSimulator;
import io.zeekagent.hub.agent.sim.SimHost;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.host.HostStatus;
import io.zeekagent.hub.support.HubHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
 * Issue 8's "done when": a v1 agent (ZeroMQ) and a v2 agent (WebSocket) connected at once, one subscription list
 * serving both, and a connection from the v1 host to the v2 host attributed on both sides.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.dispatch.interval=200ms",
            "hub.websocket.default-socket-events=true",
            // the test creates the v1 socket-event subscription itself, to know its cookie
            "hub.subscription.default-socket-events=false"
        })
class MixedAgentsIntegrationTests {

    private static final int XPUB = freePort();
    private static final int XSUB = freePort();
    private static final String RES_T = "/zeek/zeek-agent/zeek/ZeekMaster";
    private static final String V1_SOCKETS = "SELECT syscall, pid, fd, exe, local_address, remote_address, local_port,"
            + " remote_port, time, success, uid FROM socket_events WHERE family = 2";
    private static AgentSimulator v1;

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("hub.zeromq.xpub-endpoint", () -> "tcp://127.0.0.1:" + XPUB);
        registry.add("hub.zeromq.xsub-endpoint", () -> "tcp://127.0.0.1:" + XSUB);
    }

    @LocalServerPort
    int port;

    @Autowired
    WebSocketServerLifecycle server;

    @Autowired
    HostService hosts;

    @BeforeAll
    static void startV1() {
        v1 = new AgentSimulator("tcp://127.0.0.1:" + XPUB, "tcp://127.0.0.1:" + XSUB, "broker-bin-v1", 0);
    }

    @AfterAll
    static void stopV1() {
        v1.close();
    }

    @Test
    void oneSubscriptionListServesBothKindsAndAConnectionBetweenThemIsAttributedOnBothSides() throws Exception {
        HubHttp http = new HubHttp(port);
        String v1Sockets = create(http, "v1 socket events", V1_SOCKETS, "SOCKET_EVENTS", "ADDED");
        String v1Info = create(http, "v1 host info", "SELECT hostname, uuid FROM host_information", "RESULTS", "BOTH");
        String v2Sockets =
                create(http, "v2 listening", "SELECT pid, process, local_port FROM sockets", "RESULTS", "BOTH");
        String v2Twin = StreamSupport.stream(
                        http.get("/api/v1/subscriptions?size=100")
                                .json()
                                .get("content")
                                .spliterator(),
                        false)
                .filter(s -> s.get("name").asString().equals(WebSocketConfiguration.V2_SOCKET_EVENTS_NAME))
                .map(s -> s.get("id").asString())
                .findFirst()
                .orElseThrow();

        SimHost v1Host =
                new SimHost("4c4c4544-0031-3810-8051-b2c04f4d3532", "v1.example.net", "10.30.0.1", List.of("linux"));
        v1.start(v1Host);
        try (V2AgentSimulator v2 = new V2AgentSimulator(
                URI.create("ws://127.0.0.1:" + server.port()),
                "Hv2mixed00000000000000",
                SimulatedAgentOptions.defaults("v2.example.net", "10.30.0.2"))) {
            v2.table("sockets", List.of(WebSocketAgentsIntegrationTests.socket(7, "python3", 8080)));
            v2.connect();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> v1.runningCookies(v1Host.hostId()).containsAll(Set.of(v1Sockets, v1Info))
                            && cookies(v2).containsAll(Set.of(v2Twin, v2Sockets)));
            Thread.sleep(600); // three more dispatch ticks: nothing else may be sent to either
            assertThat(v1.runningCookies(v1Host.hostId())).containsExactlyInAnyOrder(v1Sockets, v1Info);
            assertThat(cookies(v2)).containsExactlyInAnyOrder(v2Twin, v2Sockets);
            assertThat(hosts.get(v1Host.hostId()).transport()).isEqualTo("zeromq-v1");
            assertThat(hosts.get("Hv2mixed00000000000000").transport()).isEqualTo("websocket-v2");
            assertThat(hosts.get(v1Host.hostId()).status()).isEqualTo(HostStatus.ONLINE);

            long now = Instant.now().getEpochSecond();
            // v1 host 10.30.0.1 connects to the v2 host's 10.30.0.2:8080 ...
            v1.publish(
                    RES_T,
                    ZeekEvent.of(
                            "ZeekAgent::query_result",
                            BrokerValue.vector(
                                    string(v1Host.hostId()),
                                    BrokerValue.enumValue("ZeekAgent::ADD"),
                                    string(v1Sockets)),
                            string("connect"),
                            integer(4242),
                            integer(3),
                            string("/usr/bin/curl"),
                            string(""),
                            string("10.30.0.2"),
                            integer(0),
                            integer(8080),
                            integer(now),
                            integer(1),
                            integer(1000)));
            // ... and the v2 host sees the accepted connection in sockets_events.
            v2.table("sockets_events", List.of(accepted()));
            v2.runScheduledQueries();

            String conn = "{\"uid\":\"CmIxEd1\",\"ts\":" + now + ",\"id.orig_h\":\"10.30.0.1\",\"id.orig_p\":51000,"
                    + "\"id.resp_h\":\"10.30.0.2\",\"id.resp_p\":8080,\"proto\":\"tcp\"}";
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode attributed = http.post("/api/v1/attributions", conn).json();
                return attributed.get("orig_seuids").size() == 1
                        && attributed.get("resp_seuids").size() == 1;
            });
            JsonNode attributed = http.post("/api/v1/attributions", conn).json();
            assertThat(attributed.get("matches").toString())
                    .contains(v1Host.hostId(), "Hv2mixed00000000000000", "/usr/bin/curl", "python3");
        }
    }

    /** The v2 host's side: 10.30.0.2:8080 accepted a TCP connection from 10.30.0.1:51000. */
    private static List<BrokerValue> accepted() {
        List<BrokerValue> row = new java.util.ArrayList<>(V2AgentSimulatorMain.connectEvent("10.30.0.2", 8080));
        row.set(2, string("python3"));
        row.set(9, BrokerValue.address("10.30.0.1"));
        row.set(10, BrokerValue.count(51000));
        return row;
    }

    private static Set<String> cookies(V2AgentSimulator agent) {
        return agent.events().stream()
                .filter(e -> e.name().equals(HubEvents.INSTALL_QUERY))
                .map(e -> e.args().get(2).asVector().get(4).asString())
                .filter(cookie -> agent.installedQueryIds().stream().anyMatch(id -> id.startsWith("za_" + cookie)))
                .collect(Collectors.toSet());
    }

    private static String create(HubHttp http, String name, String query, String kind, String updateType) {
        HubHttp.Reply reply = http.post(
                "/api/v1/subscriptions",
                "{\"name\":\"" + name + "\",\"query\":\"" + query + "\",\"intervalSeconds\":2,\"kind\":\"" + kind
                        + "\",\"updateType\":\"" + updateType + "\"}");
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
