package io.zeekagent.hub.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tests for webhooks end to end: a local receiver gets signed deliveries, a failing answer is retried with backoff,
 * redirects are not followed, and destinations outside the allowed networks are refused.
 */
@SpringBootTest(
        properties = {
            "hub.security.admin-key=" + WebhookIntegrationTests.ADMIN,
            "hub.webhooks.allowed-networks=127.0.0.0/8",
            "hub.webhooks.initial-backoff=100ms",
            "hub.webhooks.max-attempts=3"
        })
@AutoConfigureMockMvc
@DirtiesContext
class WebhookIntegrationTests {

    static final String ADMIN = "webhook-tests-admin-key-for-tests-only";
    private static final String SECRET = "a-shared-secret-of-the-receiver";

    @Autowired
    MockMvcTester mvc;

    private HttpServer receiver;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGive = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(Map.of(
                    "body", body,
                    "timestamp", String.valueOf(headers.getFirst("X-Hub-Timestamp")),
                    "signature", String.valueOf(headers.getFirst("X-Hub-Signature-256")),
                    "event", String.valueOf(headers.getFirst("X-Hub-Event"))));
            exchange.sendResponseHeaders(failuresToGive.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.createContext("/moved", exchange -> {
            received.add(Map.of("body", "redirected-from", "event", "-"));
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aWatchedAddressContactIsDeliveredSignedAndRetriedUntilTheReceiverAccepts() {
        failuresToGive.set(1);
        String id = create("{\"url\":\"" + url("/hook") + "\",\"events\":[\"ADDRESS_CONTACTED\"],"
                + "\"watchAddresses\":[\"203.0.113.9\"],\"secret\":\"" + SECRET + "\"}");

        assertThat(mvc.post()
                        .uri("/api/v1/socket-events")
                        .header("X-API-Key", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"hostId\":\"h1\",\"syscall\":\"connect\",\"pid\":7,\"exe\":\"/usr/bin/curl\","
                                + "\"remoteAddress\":\"203.0.113.9\",\"remotePort\":443},"
                                + "{\"hostId\":\"h1\",\"remoteAddress\":\"198.51.100.1\",\"remotePort\":443}]"))
                .hasStatus(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 2);
        Map<String, String> first = received.get(0);
        Map<String, String> retry = received.get(1);
        assertThat(retry.get("body")).isEqualTo(first.get("body"));
        JsonNode body = JsonMapper.shared().readTree(retry.get("body"));
        assertThat(body.get("type").asString()).isEqualTo("ADDRESS_CONTACTED");
        assertThat(body.get("data").get("hostId").asString()).isEqualTo("h1");
        assertThat(body.get("data").get("exe").asString()).isEqualTo("/usr/bin/curl");
        long timestamp = Long.parseLong(retry.get("timestamp"));
        assertThat(retry.get("signature"))
                .isEqualTo(WebhookSignature.sign(
                        SECRET, timestamp, retry.get("body").getBytes(StandardCharsets.UTF_8)));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(mvc.get().uri("/api/v1/webhooks/" + id).header("X-API-Key", ADMIN))
                                .bodyJson()
                                .extractingPath("$.deliveries.lastStatus")
                                .isEqualTo(204));
        assertThat(received).hasSize(2).as("the unwatched address raised nothing");
    }

    @Test
    void redirectsAreNotFollowedAndAGivenUpDeliveryIsReportedToTheOtherWebhooks() {
        create("{\"url\":\"" + url("/moved") + "\",\"events\":[\"ADDRESS_CONTACTED\"],"
                + "\"watchAddresses\":[\"203.0.113.10\"]}");
        create("{\"url\":\"" + url("/hook") + "\",\"events\":[\"DELIVERY_FAILED\"]}");

        mvc.post()
                .uri("/api/v1/socket-events")
                .header("X-API-Key", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("[{\"hostId\":\"h2\",\"remoteAddress\":\"203.0.113.10\",\"remotePort\":80}]")
                .exchange();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> received.stream().anyMatch(r -> "DELIVERY_FAILED".equals(r.get("event"))));
        assertThat(received.stream().filter(r -> "redirected-from".equals(r.get("body"))))
                .as("three attempts at the redirecting receiver, the redirect never followed")
                .hasSize(3);
    }

    @Test
    void destinationsOutsideTheAllowedNetworksOrNotHttpAreRefused() {
        for (String url : List.of("http://169.254.169.254/latest", "ftp://127.0.0.1/x", "http://user:pw@127.0.0.1/")) {
            assertThat(mvc.post()
                            .uri("/api/v1/webhooks")
                            .header("X-API-Key", ADMIN)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"url\":\"" + url + "\",\"events\":[\"HOST_OFFLINE\"]}"))
                    .as(url)
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("url");
        }
    }

    private String create(String json) {
        var result = mvc.post()
                .uri("/api/v1/webhooks")
                .header("X-API-Key", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
        assertThat(result).hasStatus(201);
        return JsonMapper.shared()
                .readTree(result.getResponse().getContentAsByteArray())
                .get("id")
                .asString();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }
}
