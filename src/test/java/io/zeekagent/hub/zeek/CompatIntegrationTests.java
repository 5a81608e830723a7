package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.agent.sim.AgentSimulator;
import io.zeekagent.hub.agent.sim.SimHost;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.IntegerValue;
import io.zeekagent.hub.broker.StringValue;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.host.HostStatus;
import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.support.HubHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub with control events enabled, a simulated v1 agent and a Zeek node (raw JeroMQ sockets) using the
 * compat API as the zeek-agent framework's auditd socket-events script does: the subscription is created owned by
 * that Zeek, delivered to the agent, its rows reach the Zeek as the script's event with typed columns, REST shows
 * the owner and refuses edits, and unsubscribing removes it from the hub and the agent.
 */
@Import(ApiKeyTestConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompatIntegrationTests {

    private static final int[] PORTS = ZeekTestPorts.distinct(2);
    private static final int XPUB = PORTS[0];
    private static final int XSUB = PORTS[1];
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String EVENT = "Agent_SocketEvents::socket_event_added";
    private static final String SQL = "SELECT syscall, pid, fd, exe, local_address, remote_address, local_port,"
            + " remote_port, time, success, uid FROM socket_events WHERE family=2";
    private static final String SIGNATURE = "event(result:ZeekAgent::Result; syscall:string; pid:int; fd:int;"
            + " exe:string; local_address:string; remote_address:string; local_port:int; remote_port:int;"
            + " host_time:int; success:int; uid:int;)";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.zeromq.xpub-endpoint", () -> "tcp://127.0.0.1:" + XPUB);
        registry.add("hub.zeromq.xsub-endpoint", () -> "tcp://127.0.0.1:" + XSUB);
        registry.add("hub.zeek.hello-interval", () -> "200ms");
        registry.add("hub.zeek.control-enabled", () -> "true");
        registry.add("hub.dispatch.interval", () -> "250ms");
        registry.add("hub.subscription.default-socket-events", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    HostService hosts;

    @Test
    void aCompatSubscriptionDeliversTypedRowsOfASimulatedAgentToTheZeekThatAskedForThem() {
        HubHttp http = new HubHttp(port);
        try (AgentSimulator sim = new AgentSimulator("tcp://127.0.0.1:" + XPUB, "tcp://127.0.0.1:" + XSUB);
                ZeekNode zeek = new ZeekNode("tcp://127.0.0.1:" + XPUB, "tcp://127.0.0.1:" + XSUB)) {
            SimHost host = new SimHost("compat-1", "compat-1.example.net", "10.9.3.1", List.of("linux"));
            sim.start(host);
            await().atMost(WAIT)
                    .until(() -> hosts.find(host.hostId())
                            .map(h -> h.status() == HostStatus.ONLINE)
                            .orElse(false));
            zeek.subscribe(CompatFixtures.INBOX);
            assertThat(zeek.awaitSubscription(CompatEvents.CONTROL, WAIT)).isTrue();
            ZeekEvent subscribe = subscription(CompatEvents.SUBSCRIBE);
            String id = ((CompatCall.Subscribe) CompatCall.from(subscribe)).subscriptionId();

            List<ZeekEvent> received = new ArrayList<>();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                // As the script does on every hello after the hub appeared: the replay is idempotent.
                zeek.publish(CompatEvents.CONTROL, EventCodec.BIN_V1.encode(subscribe));
                drain(zeek, received);
                return received.stream().anyMatch(e -> e.name().equals(EVENT));
            });

            ZeekEvent row = received.stream()
                    .filter(e -> e.name().equals(EVENT))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.args()).hasSize(12);
            assertThat(row.args().get(0))
                    .isEqualTo(BrokerValue.vector(
                            BrokerValue.string("compat-1"),
                            BrokerValue.enumValue("ZeekAgent::ADD"),
                            BrokerValue.string("c-socket")));
            assertThat(row.args().get(1)).isInstanceOf(StringValue.class);
            assertThat(row.args().subList(2, 4)).allMatch(v -> v instanceof IntegerValue);
            assertThat(row.args().get(4).asString()).startsWith("/usr/");
            assertThat(row.args().subList(7, 12)).allMatch(v -> v instanceof IntegerValue);
            assertThat(received)
                    .anyMatch(e -> e.equals(ZeekEvent.of(CompatEvents.HOST_CONNECTED, BrokerValue.string("compat-1"))));
            assertThat(received)
                    .anyMatch(e -> e.equals(ZeekEvent.of(
                            CompatEvents.HOST_INFO,
                            BrokerValue.string("compat-1"),
                            BrokerValue.string("compat-1.example.net"))));
            assertThat(sim.runningCookies("compat-1")).containsExactly(id);
            assertThat(http.get("/api/v1/subscriptions?size=100").json().get("content"))
                    .as("the replays made one subscription")
                    .hasSize(1);

            HubHttp.Reply shown = http.get("/api/v1/subscriptions/" + id);
            assertThat(shown.json().get("owner").asString()).isEqualTo("zeek:zeek-test");
            HubHttp.Reply put =
                    http.put("/api/v1/subscriptions/" + id, "{\"name\":\"mine\",\"query\":\"" + SQL + "\"}");
            assertThat(put.status()).isEqualTo(409);
            assertThat(put.contentType()).contains("application/problem+json");
            assertThat(http.delete("/api/v1/subscriptions/" + id).status()).isEqualTo(409);

            zeek.publish(
                    CompatEvents.CONTROL,
                    EventCodec.BIN_V1.encode(CompatFixtures.grouping(CompatEvents.JOIN, "compat-dmz", "10.9.3.0/24")));
            await().atMost(WAIT)
                    .until(() -> http.get("/api/v1/groups/compat-dmz").status() == 200);
            HubHttp.Reply group = http.get("/api/v1/groups/compat-dmz");
            assertThat(group.json().get("owner").asString()).isEqualTo("zeek:zeek-test");
            assertThat(group.json().get("subnets").get(0).asString()).isEqualTo("10.9.3.0/24");
            await().atMost(WAIT)
                    .until(() -> http.get("/api/v1/groups/compat-dmz/hosts")
                            .json()
                            .toString()
                            .contains("compat-1"));
            assertThat(http.put("/api/v1/groups/compat-dmz", "{\"subnets\":[]}").status())
                    .isEqualTo(409);
            assertThat(http.delete("/api/v1/groups/compat-dmz").status()).isEqualTo(409);
            zeek.publish(
                    CompatEvents.CONTROL,
                    EventCodec.BIN_V1.encode(CompatFixtures.grouping(CompatEvents.LEAVE, "compat-dmz", "10.9.3.0/24")));
            await().atMost(WAIT)
                    .until(() -> http.get("/api/v1/groups/compat-dmz").status() == 404);

            zeek.publish(CompatEvents.CONTROL, EventCodec.BIN_V1.encode(subscription(CompatEvents.UNSUBSCRIBE)));

            await().atMost(WAIT)
                    .until(() -> http.get("/api/v1/subscriptions/" + id).status() == 404);
            await().atMost(WAIT).until(() -> sim.runningCookies("compat-1").isEmpty());
        }
    }

    private static ZeekEvent subscription(String name) {
        return ZeekEvent.of(
                name,
                BrokerValue.string("zeek-test"),
                BrokerValue.string(CompatFixtures.INBOX),
                BrokerValue.string(EVENT),
                BrokerValue.string(SIGNATURE),
                BrokerValue.string(SQL),
                BrokerValue.string("ADDED"),
                BrokerValue.count(1),
                BrokerValue.string("c-socket"),
                BrokerValue.vector(BrokerValue.string("")),
                BrokerValue.vector(BrokerValue.string("")));
    }

    private static void drain(ZeekNode zeek, List<ZeekEvent> into) {
        for (Optional<List<byte[]>> frames = Optional.ofNullable(zeek.receive(Duration.ofMillis(200)));
                frames.isPresent();
                frames = Optional.ofNullable(zeek.receive(Duration.ofMillis(20)))) {
            into.add(EventCodec.BIN_V1.decode(frames.get().get(3)));
        }
    }
}
