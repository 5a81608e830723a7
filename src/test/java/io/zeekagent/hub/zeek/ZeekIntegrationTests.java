package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.broker.AddressValue;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.PortProtocol;
import io.zeekagent.hub.broker.PortValue;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.support.HubHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole hub on random ports answering a Zeek node (raw JeroMQ sockets, as Zeek's ZeroMQ backend connects):
 * hosts and socket events posted over REST, then an {@code attribute_request} for their connection is answered
 * with their seuids on the node's inbox, and the hello reaches the node.
 */
@Import(ApiKeyTestConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ZeekIntegrationTests {

    private static final int[] PORTS = ZeekTestPorts.distinct(2);
    private static final int XPUB = PORTS[0];
    private static final int XSUB = PORTS[1];
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String INBOX = "zeek-agent-hub.node.it-1.";

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("hub.zeromq.xpub-endpoint", () -> "tcp://127.0.0.1:" + XPUB);
        registry.add("hub.zeromq.xsub-endpoint", () -> "tcp://127.0.0.1:" + XSUB);
        registry.add("hub.zeek.hello-interval", () -> "200ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void answersAZeekNodeWithTheSeuidsOfPostedSocketEventsAndSaysHello() {
        HubHttp http = new HubHttp(port);
        long now = Instant.now().getEpochSecond();
        assertThat(http.post("/api/v1/hosts", "{\"hostId\":\"zeek-client\",\"addresses\":[\"10.9.0.1\"]}")
                        .status())
                .isEqualTo(201);
        assertThat(http.post("/api/v1/hosts", "{\"hostId\":\"zeek-server\",\"addresses\":[\"10.9.0.2\"]}")
                        .status())
                .isEqualTo(201);
        JsonNode created = http.post("/api/v1/socket-events", """
                        [{"hostId": "zeek-client", "syscall": "connect", "pid": 7, "exe": "/usr/bin/curl",
                          "protocol": "tcp", "remoteAddress": "10.9.0.2", "remotePort": 443, "time": %d},
                         {"hostId": "zeek-server", "syscall": "bind", "localAddress": "0.0.0.0",
                          "localPort": 443, "protocol": "tcp", "time": %d}]""".formatted(now, now - 600))
                .json();
        String clientSeuid = created.get("seuids").get(0).asString();
        String serverSeuid = created.get("seuids").get(1).asString();

        try (ZeekNode zeek = new ZeekNode("tcp://127.0.0.1:" + XPUB, "tcp://127.0.0.1:" + XSUB)) {
            zeek.subscribe(INBOX);
            zeek.subscribe(ZeekTopics.HELLO);
            assertThat(zeek.awaitSubscription(ZeekTopics.REQUEST, WAIT)).isTrue();
            List<ZeekEvent> received = new ArrayList<>();
            AtomicLong reqId = new AtomicLong();
            // Host addresses reach the index after their commit, and the hub learns the inbox asynchronously: ask
            // until the full answer comes.
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
                zeek.publish(ZeekTopics.REQUEST, EventCodec.BIN_V1.encode(request(reqId.incrementAndGet(), now)));
                for (List<byte[]> frames = zeek.receive(Duration.ofMillis(200));
                        frames != null;
                        frames = zeek.receive(Duration.ofMillis(50))) {
                    received.add(EventCodec.BIN_V1.decode(frames.get(3)));
                }
                return received.stream().anyMatch(e -> isFullAnswer(e, clientSeuid));
            });

            ZeekEvent answer = received.stream()
                    .filter(e -> isFullAnswer(e, clientSeuid))
                    .findFirst()
                    .orElseThrow();
            assertThat(answer.args().get(1))
                    .isEqualTo(BrokerValue.vector(BrokerValue.vector(
                            BrokerValue.string(clientSeuid),
                            BrokerValue.string("zeek-client"),
                            BrokerValue.count(7),
                            BrokerValue.string("/usr/bin/curl"))));
            assertThat(answer.args().get(2).asVector().get(0).asVector().get(0))
                    .isEqualTo(BrokerValue.string(serverSeuid));
            assertThat(answer.args().get(3)).isEqualTo(BrokerValue.bool(true));
            await().atMost(WAIT).until(() -> {
                List<byte[]> frames = zeek.receive(Duration.ofMillis(300));
                if (frames != null) {
                    received.add(EventCodec.BIN_V1.decode(frames.get(3)));
                }
                return received.stream().anyMatch(e -> e.name().equals(ZeekTopics.HUB_HELLO));
            });
        }
        // The live request taught the hub the flow: its Community ID alone now attributes over REST.
        String communityId = new io.zeekagent.hub.attribution.CommunityId(0)
                .of(io.zeekagent.hub.attribution.CommunityId.TCP, "10.9.0.1", "10.9.0.2", 50000, 443);
        JsonNode byId = http.post("/api/v1/attributions", "{\"community_id\":\"" + communityId + "\"}")
                .json();
        assertThat(byId.path("orig_seuids").toString()).contains(clientSeuid);
        assertThat(byId.path("resp_seuids").toString()).contains(serverSeuid);
        assertThat(byId.path("complete").asBoolean()).isTrue();
        assertThat(meters.get("hub.zeek.answers")
                        .tag("complete", "true")
                        .functionCounter()
                        .count())
                .isPositive();
        assertThat(meters.get("hub.zeek.requests").functionCounter().count()).isPositive();
    }

    private static boolean isFullAnswer(ZeekEvent event, String clientSeuid) {
        return event.name().equals(ZeekTopics.ATTRIBUTE_RESPONSE)
                && event.args().get(1).asVector().stream()
                        .anyMatch(m -> m.asVector().get(0).equals(BrokerValue.string(clientSeuid)))
                && !event.args().get(2).asVector().isEmpty();
    }

    private static ZeekEvent request(long reqId, long nowSeconds) {
        return new AttributeRequest(
                        reqId,
                        INBOX,
                        "CIntegration1",
                        nowSeconds * 1_000_000_000L,
                        AddressValue.parse("10.9.0.1"),
                        new PortValue(50000, PortProtocol.TCP),
                        AddressValue.parse("10.9.0.2"),
                        new PortValue(443, PortProtocol.TCP))
                .toEvent();
    }
}
