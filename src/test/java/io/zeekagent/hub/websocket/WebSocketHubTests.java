package io.zeekagent.hub.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.java_websocket.framing.CloseFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link WebSocketHub} behind a real {@link WebSocketServerLifecycle} on a free port. */
class WebSocketHubTests {

    private static final String DATA =
            "{\"type\":\"data-message\",\"topic\":\"%s\",\"@data-type\":\"count\",\"data\":%d}";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private WebSocketHub hub;
    private WebSocketServerLifecycle server;

    @BeforeEach
    void start() {
        hub = new WebSocketHub("test", "1.2.3", 10_000, new WebSocketMetrics(registry));
        server = new WebSocketServerLifecycle(WebSocketTestSupport.properties(4096, 10_000), hub);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String url() {
        return "ws://127.0.0.1:" + server.port() + "/v1/messages/json";
    }

    @Test
    void acknowledgesTheSubscriptionArrayWithEndpointAndVersion() throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(url());
        client.send("[\"/zeek-agent/query/host/H1\"]");

        assertThat(client.next())
                .matches("\\{\"type\":\"ack\",\"endpoint\":\"test-websocket-\\d+\",\"version\":\"1.2.3\"}");
        assertThat(hub.connections()).isEqualTo(1);
        assertThat(registry.get("hub.websocket.connections").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void refusesOtherPathsWithInvalidUri() throws Exception {
        WebSocketTestClient client =
                WebSocketTestClient.connectExpectingClose("ws://127.0.0.1:" + server.port() + "/v1/other");

        assertThat(client.next())
                .isEqualTo(
                        "{\"type\":\"error\",\"code\":\"invalid_uri\",\"context\":\"Invalid URI - use /v1/messages/json\"}");
        await().until(() -> client.closeCode() == CloseFrame.POLICY_VALIDATION);
    }

    @Test
    void closesConnectionsWhoseHandshakeIsNotAnArrayOfStrings() throws Exception {
        WebSocketTestClient object = WebSocketTestClient.connect(url());
        object.send("{\"topics\":[]}");
        WebSocketTestClient numbers = WebSocketTestClient.connect(url());
        numbers.send("[1]");

        assertThat(object.next()).contains("deserialization_failed", "subscriptions not an array");
        assertThat(numbers.next()).contains("deserialization_failed", "individual subscription not a string");
        await().until(() -> object.closeCode() == CloseFrame.POLICY_VALIDATION && numbers.closeCode() == 1008);
    }

    @Test
    void routesToEveryOtherConnectionWithAMatchingPrefixOnly() throws Exception {
        WebSocketTestClient listener = handshaken("[\"/a/\"]");
        WebSocketTestClient other = handshaken("[\"/b/\"]");
        WebSocketTestClient publisher = handshaken("[\"/a/\"]");

        publisher.send(DATA.formatted("/a/x", 1));
        hub.publish("/b/y", DATA.formatted("/b/y", 2));

        assertThat(listener.next()).isEqualTo(DATA.formatted("/a/x", 1));
        assertThat(other.next()).isEqualTo(DATA.formatted("/b/y", 2));
        assertThat(publisher.poll(Duration.ofMillis(200)))
                .as("no echo to the sender")
                .isNull();
        assertThat(listener.poll(Duration.ofMillis(100))).isNull();
    }

    @Test
    void answersMalformedMessagesWithAnErrorAndKeepsTheConnection() throws Exception {
        WebSocketTestClient client = handshaken("[\"/a/\"]");

        client.send("{not json");
        assertThat(client.next()).contains("deserialization_failed", "failed to decode JSON object");
        client.send("{\"type\":\"data-message\",\"data\":1}");
        assertThat(client.next()).contains("no topic in top-level JSON object");
        client.send(
                "{\"type\":\"data-message\",\"topic\":\"/zeek-agent/query/host/X\",\"@data-type\":\"count\",\"data\":1}");
        assertThat(client.next()).contains("invalid_topic_key");

        hub.publish("/a/still-open", DATA.formatted("/a/still-open", 3));
        assertThat(client.next()).contains("/a/still-open");
        assertThat(registry.get("hub.websocket.errors")
                        .tag("code", "deserialization_failed")
                        .counter()
                        .count())
                .isEqualTo(2.0);
    }

    @Test
    void closesWith1009WhenAMessageIsLargerThanTheLimit() throws Exception {
        WebSocketTestClient client = handshaken("[]");

        client.send(DATA.formatted("/a/" + "x".repeat(5000), 1));

        await().until(() -> client.closeCode() == CloseFrame.TOOBIG);
        await().until(() -> hub.connections() == 0);
    }

    @Test
    void restartsOnANewFreePort() throws Exception {
        server.stop();
        assertThat(server.isRunning()).isFalse();
        server.start();

        WebSocketTestClient client = handshaken("[]");
        assertThat(client.isOpen()).isTrue();
    }

    private WebSocketTestClient handshaken(String subscriptions) throws InterruptedException {
        WebSocketTestClient client = WebSocketTestClient.connect(url());
        client.send(subscriptions);
        assertThat(client.next()).startsWith("{\"type\":\"ack\"");
        return client;
    }
}
