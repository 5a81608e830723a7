package io.zeekagent.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.agent.sim.AgentSimulator;
import io.zeekagent.hub.bench.BenchReport;
import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.security.TestApiKeys;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests for the whole hub under hostile wire traffic: a raw ZeroMQ peer ({@link HostileZeromqPeer}) and hostile
 * WebSocket clients ({@link HostileWebSocketPeer}) attack at the same time while a well-behaved v1 agent keeps
 * running a socket-event subscription. Nothing may crash, the good agent's rows keep being stored, and a
 * subscription created after the attack still reaches it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiKeyTestConfiguration.class)
class HostileWireIntegrationTests {

    private static final int XPUB = HubPorts.free();
    private static final int XSUB = HubPorts.free();
    private static final int WEBSOCKET = HubPorts.free();

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("hub.zeromq.xpub-endpoint", () -> "tcp://127.0.0.1:" + XPUB);
        registry.add("hub.zeromq.xsub-endpoint", () -> "tcp://127.0.0.1:" + XSUB);
        registry.add("hub.websocket.port", () -> WEBSOCKET);
        registry.add("hub.websocket.bind-address", () -> "127.0.0.1");
        registry.add("hub.websocket.max-message-bytes", () -> 262_144);
        registry.add("hub.websocket.send-queue-limit", () -> 64);
        registry.add("hub.dispatch.interval", () -> "500ms");
    }

    @LocalServerPort
    int port;

    @Test
    void survivesHostileZeromqAndWebSocketTrafficWhileAGoodAgentKeepsWorking() throws Exception {
        HubClient http = new HubClient(port, TestApiKeys.ADMIN);
        assertThat(http.post("/api/v1/groups", "{\"name\":\"agents\"}").status())
                .isEqualTo(201);
        String cookie = http.post(
                        "/api/v1/subscriptions",
                        "{\"name\":\"sockets\",\"query\":\"SELECT * FROM socket_events\","
                                + "\"kind\":\"SOCKET_EVENTS\",\"intervalSeconds\":1,\"groups\":[\"agents\"]}")
                .json()
                .get("id")
                .asString();
        try (AgentSimulator good =
                        new AgentSimulator("tcp://127.0.0.1:" + XPUB, "tcp://127.0.0.1:" + XSUB, "broker-bin-v1", 5);
                HostileZeromqPeer zeromq = new HostileZeromqPeer("tcp://127.0.0.1:" + XSUB)) {
            good.startMany("good", 1, List.of("agents"));
            await().atMost(Duration.ofSeconds(60)).until(() -> http.countSocketEvents("good-0") > 0);
            assertThat(zeromq.awaitHubListening(Duration.ofSeconds(10), 3))
                    .as("the hub's subscriptions reach a raw peer")
                    .isTrue();
            long storedBefore = http.countSocketEvents("good-0");

            HostileWebSocketPeer websocket = new HostileWebSocketPeer(WEBSOCKET);
            CompletableFuture<Void> zeromqAttack = CompletableFuture.runAsync(() -> {
                try {
                    zeromq.attack(300, cookie, Duration.ofMillis(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            websocket.badHandshakes();
            websocket.invalidMessages(30);
            Socket slowReader = websocket.slowReaderUnderFlood(400, 16_384);
            zeromqAttack.get(120, TimeUnit.SECONDS);
            long storedDuringAttack = http.countSocketEvents("good-0") - storedBefore;

            int crashes = 0;
            crashes += http.isUp() ? 0 : 1;
            crashes += "UP".equals(http.componentHealth("zeromq")) ? 0 : 1;
            try (HostileWebSocketPeer.Client fresh = HostileWebSocketPeer.Client.open(WEBSOCKET)) {
                fresh.send("[\"/zeek-agent/fresh\"]");
                String ack = fresh.messages.poll(10, TimeUnit.SECONDS);
                crashes += ack != null && ack.contains("\"ack\"") ? 0 : 1;
            }
            String procs = http.post(
                            "/api/v1/subscriptions",
                            "{\"name\":\"procs\",\"query\":\"SELECT pid, exe FROM process_events\",\"groups\":[\"agents\"]}")
                    .json()
                    .get("id")
                    .asString();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> good.runningCookies("good-0").contains(procs));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.countSocketEvents("good-0") > storedBefore + storedDuringAttack);
            slowReader.close();

            BenchReport.figure(
                    "hostile wire: crashes",
                    crashes,
                    "crashes",
                    "hostile messages tried (ZeroMQ + WebSocket)",
                    zeromq.sent() + websocket.tried(),
                    "0",
                    crashes == 0);
            BenchReport.figure(
                    "hostile wire: good agent rows stored during the attack",
                    storedDuringAttack,
                    "rows",
                    "-",
                    Double.NaN,
                    "> 0 (other agents unaffected)",
                    storedDuringAttack > 0);
            assertThat(crashes).isZero();
            assertThat(zeromq.sent()).isGreaterThan(2000);
            assertThat(websocket.tried()).isGreaterThan(300);
            assertThat(storedDuringAttack).isPositive();
        }
    }
}
