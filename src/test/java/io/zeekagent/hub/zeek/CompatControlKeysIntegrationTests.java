package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.support.HubHttp;
import io.zeekagent.hub.zeromq.AgentChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.zeromq.ZMQ;

/**
 * The whole hub with CURVE on its embedded proxy and {@code hub.zeek.control-keys}: two Zeek nodes (raw JeroMQ
 * sockets) whose keys the proxy both admits, only one of them a control key. The control key's subscribe creates the
 * subscription (REST shows it); the other's is refused, counted as {@code key-refused}, answered with
 * {@code compat_error}, and creates nothing — although its event names itself as freely as the first's.
 */
@Import(ApiKeyTestConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompatControlKeysIntegrationTests {

    private static final int[] PORTS = ZeekTestPorts.distinct(2);
    private static final String XPUB = "tcp://127.0.0.1:" + PORTS[0];
    private static final String XSUB = "tcp://127.0.0.1:" + PORTS[1];
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZMQ.Curve.KeyPair SERVER = ZMQ.Curve.generateKeyPair();
    private static final ZMQ.Curve.KeyPair CONTROLLER = ZMQ.Curve.generateKeyPair();
    private static final ZMQ.Curve.KeyPair OTHER = ZMQ.Curve.generateKeyPair();
    private static final String CONTROLLER_INBOX = "zeek-agent-hub.node.zk-ctl.";
    private static final String OTHER_INBOX = "zeek-agent-hub.node.zk-other.";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.zeromq.xpub-endpoint", () -> XPUB);
        registry.add("hub.zeromq.xsub-endpoint", () -> XSUB);
        registry.add("hub.zeromq.curve.server-public-key", () -> SERVER.publicKey);
        registry.add("hub.zeromq.curve.server-secret-key", () -> SERVER.secretKey);
        registry.add("hub.zeromq.curve.allowed-client-keys", () -> CONTROLLER.publicKey + "," + OTHER.publicKey);
        registry.add("hub.zeek.control-enabled", () -> "true");
        registry.add("hub.zeek.control-keys", () -> CONTROLLER.publicKey);
        registry.add("hub.subscription.default-socket-events", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    AgentChannel channel;

    @Autowired
    MeterRegistry meters;

    @Test
    void onlyTheControlKeysSubscribeCreatesASubscriptionAndTheOtherIsRefusedAndCounted() throws Exception {
        HubHttp http = new HubHttp(port);
        ZeekEvent fromOther = CompatFixtures.subscribeAs("zeek-other", OTHER_INBOX, CompatEvents.SUBSCRIBE, "c1");
        ZeekEvent fromController =
                CompatFixtures.subscribeAs("zeek-ctl", CONTROLLER_INBOX, CompatEvents.SUBSCRIBE, "c1");
        String otherId = ((CompatCall.Subscribe) CompatCall.from(fromOther)).subscriptionId();
        String controllerId = ((CompatCall.Subscribe) CompatCall.from(fromController)).subscriptionId();
        try (ZeekNode other = new ZeekNode(XPUB, XSUB, SERVER.publicKey, OTHER);
                ZeekNode controller = new ZeekNode(XPUB, XSUB, SERVER.publicKey, CONTROLLER)) {
            other.subscribe(OTHER_INBOX);
            controller.subscribe(CONTROLLER_INBOX);
            assertThat(other.awaitSubscription(CompatEvents.CONTROL, WAIT)).isTrue();
            assertThat(controller.awaitSubscription(CompatEvents.CONTROL, WAIT)).isTrue();
            assertThat(channel.awaitSubscriber(OTHER_INBOX, WAIT)).isTrue();

            other.publish(CompatEvents.CONTROL, EventCodec.BIN_V1.encode(fromOther));
            List<byte[]> answer = other.receive(WAIT);
            assertThat(answer).as("the refused Zeek hears why").isNotNull();
            ZeekEvent error = EventCodec.BIN_V1.decode(answer.get(3));
            assertThat(error.name()).isEqualTo(CompatEvents.ERROR);
            assertThat(error.args().get(1).asString()).contains(OTHER.publicKey).contains("hub.zeek.control-keys");
            assertThat(calls("key-refused")).isOne();

            controller.publish(CompatEvents.CONTROL, EventCodec.BIN_V1.encode(fromController));
            AtomicReference<HubHttp.Reply> created = new AtomicReference<>();
            await().atMost(WAIT).until(() -> {
                created.set(http.get("/api/v1/subscriptions/" + controllerId));
                return created.get().status() == 200;
            });
            assertThat(created.get().json().get("owner").asString()).isEqualTo("zeek:zeek-ctl");
            await().atMost(WAIT).until(() -> calls("applied") == 1);
        }
        assertThat(http.get("/api/v1/subscriptions/" + otherId).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/subscriptions?size=100").json().get("content"))
                .as("the control key's subscription, nothing of the other Zeek")
                .hasSize(1)
                .allSatisfy(s -> assertThat(s.get("owner").asString()).isEqualTo("zeek:zeek-ctl"));
        assertThat(calls("key-refused")).isOne();
    }

    private double calls(String outcome) {
        Counter counter = meters.find("hub.zeek.compat.calls")
                .tag("call", "subscribe")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
