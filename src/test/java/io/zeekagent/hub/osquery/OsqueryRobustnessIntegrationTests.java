package io.zeekagent.hub.osquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doReturn;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.ingest.SocketEventIngestService;
import io.zeekagent.hub.support.HubHttp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The osquery API under stress and abuse, over TLS: a deleted host's key answers {@code node_invalid} and the host
 * enrolls again; a second machine with the same identifier takes the key over; a 503 loses no line; broken JSON,
 * gzip bombs, huge lines, wrong methods and paths and unknown keys all get a JSON answer that says what is wrong; a
 * config over the limit is refused with an activity-log error.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.osquery.enabled=true",
            "hub.osquery.port=0",
            "hub.dispatch.interval=200ms",
            "hub.osquery.enroll-per-minute=1000",
            "hub.osquery.default-socket-events=true",
            "hub.osquery.max-log-body-bytes=8388608",
            "hub.osquery.max-config-bytes=3000"
        })
class OsqueryRobustnessIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add(
                "hub.osquery.tls.keystore",
                () -> OsqueryTestTls.keystore(OsqueryIntegrationTests.DIR).toString());
        registry.add("hub.osquery.tls.keystore-password", () -> OsqueryTestTls.PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    OsqueryServer server;

    @Autowired
    MeterRegistry meters;

    @MockitoSpyBean
    SocketEventIngestService ingest;

    @Test
    void aDeletedHostGetsNodeInvalidAndEnrollsAgain() {
        HubHttp http = new HubHttp(port);
        OsquerySimulator osquery = simulator(secret(http), "gone-01", "aaaaaaaaaaaaaaaa");
        assertThat(osquery.fetchConfig()).isTrue();

        assertThat(http.delete("/api/v1/hosts/gone-01").status()).isEqualTo(204);

        assertThat(osquery.fetchConfig()).isFalse();
        assertThat(osquery.nodeInvalids()).isEqualTo(1);
        assertThat(osquery.nodeKey()).isNull();
        assertThat(osquery.fetchConfig()).isTrue();
        assertThat(osquery.enrollments()).isEqualTo(2);
        assertThat(http.get("/api/v1/hosts/gone-01").json().path("status").asString())
                .isEqualTo("ONLINE");
    }

    @Test
    void aSecondInstanceWithTheSameIdentifierTakesTheKeyOverAndIsCounted() {
        HubHttp http = new HubHttp(port);
        String secret = secret(http);
        OsquerySimulator first = simulator(secret, "clone-01", "1111111111111111");
        OsquerySimulator clone = simulator(secret, "clone-01", "2222222222222222");
        assertThat(first.fetchConfig()).isTrue();
        double before = meters.counter("hub.osquery.enroll.duplicates").count();

        assertThat(clone.fetchConfig()).isTrue();

        assertThat(meters.counter("hub.osquery.enroll.duplicates").count()).isEqualTo(before + 1);
        assertThat(first.fetchConfig()).isFalse();
        assertThat(first.nodeInvalids()).isEqualTo(1);
        assertThat(http.get("/api/v1/activity?host=clone-01&size=50").body()).contains("another instance");
    }

    @Test
    void a503KeepsTheBatchAtTheHostAndTheRetryStoresEveryLine() {
        HubHttp http = new HubHttp(port);
        OsquerySimulator osquery =
                simulator(secret(http), "busy-01", "3333333333333333").gzipLogs();
        assertThat(osquery.fetchConfig()).isTrue();
        long now = Instant.now().getEpochSecond();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            rows.add(OsquerySimulator.socketEvent(
                    "connect", 100 + i, "a", "/usr/bin/curl", 2, "", 0, "10.50.0.9", 1000 + i, "succeeded", now));
        }
        osquery.table("socket_events", rows);
        osquery.runSchedule();
        doReturn(false).doCallRealMethod().when(ingest).offerFromAgent(anyList(), any());

        assertThat(osquery.flushLogs()).isFalse();
        assertThat(osquery.bufferedLines()).isEqualTo(1024);
        assertThat(osquery.flushLogs()).isTrue();

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> http.get("/api/v1/socket-events?hostId=busy-01&size=1")
                                .json()
                                .path("totalElements")
                                .asLong()
                        == 1024);
    }

    @Test
    void hostileRequestsGetClearJsonAnswers() throws Exception {
        HubHttp http = new HubHttp(port);
        OsquerySimulator osquery = simulator(secret(http), "hostile-01", "4444444444444444");
        assertThat(osquery.fetchConfig()).isTrue();
        String key = osquery.nodeKey();

        assertThat(raw("POST", "/api/osquery/config", key, "{\"node_key\":", false))
                .satisfies(r -> assertError(r, 400, "malformed JSON"));
        String bomb = "{\"log_type\":\"result\",\"data\":[{\"name\":\"" + "a".repeat(20 << 20) + "\"}]}";
        assertThat(raw("POST", "/api/osquery/log", key, bomb, true)).satisfies(r -> assertError(r, 413, "larger"));
        assertThat(raw("GET", "/api/osquery/config", key, "", false)).satisfies(r -> assertError(r, 405, "POST"));
        assertThat(raw("POST", "/api/osquery/carve/begin", key, "{}", false))
                .satisfies(r -> assertError(r, 404, "unknown"));
        assertThat(raw("POST", "/api/osquery/config", "not-a-key", "{}", false)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(r.body()).path("node_invalid").asBoolean()).isTrue();
        });
        assertThat(raw("POST", "/api/v1/osquery/distributed/read", null, "{}", false))
                .satisfies(r -> assertThat(
                                JSON.readTree(r.body()).path("node_invalid").asBoolean())
                        .isTrue());
        double oversized = meters.counter("hub.osquery.lines.dropped", "reason", "oversized")
                .count();
        String huge = "{\"log_type\":\"result\",\"data\":[" + ResultLinesTests.LOGGER_EVENT_LINE + ",{\"name\":\"x\","
                + "\"columns\":{\"c\":\"" + "b".repeat(2 << 20) + "\"},\"action\":\"added\"}]}";
        assertThat(raw("POST", "/api/osquery/log", key, huge, false)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{}");
        });
        assertThat(meters.counter("hub.osquery.lines.dropped", "reason", "oversized")
                        .count())
                .isEqualTo(oversized + 1);
    }

    @Test
    void aConfigOverTheLimitIsRefusedWithAnActivityLogError() {
        HubHttp http = new HubHttp(port);
        OsquerySimulator osquery =
                simulator(secret(http), "big-01", "5555555555555555").withoutNodeKeyHeader();
        assertThat(osquery.fetchConfig()).isTrue();
        String sql = "SELECT name FROM processes WHERE name NOT IN ('" + "p".repeat(4000) + "')";
        HubHttp.Reply created = http.post(
                "/api/v1/subscriptions",
                "{\"name\":\"too big\",\"query\":\"" + sql + "\",\"hosts\":[\"big-01\"],\"intervalSeconds\":60}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !osquery.fetchConfig());
        assertThat(osquery.nodeKey()).isNotNull();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/api/v1/activity?host=big-01&level=ERROR&size=10")
                        .body()
                        .contains("max-config-bytes"));
    }

    private static void assertError(HttpResponse<String> r, int status, String text) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(JSON.readTree(r.body()).path("error").asString()).contains(text);
    }

    private HttpResponse<String> raw(String method, String path, String key, String body, boolean gzip)
            throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(OsqueryTestTls.trusting(OsqueryTestTls.keystore(OsqueryIntegrationTests.DIR)))
                .build();
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + path))
                .timeout(Duration.ofSeconds(16))
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("Authorization", "NodeKey " + key);
        }
        if (gzip) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            }
            bytes = out.toByteArray();
            request.header("Content-Encoding", "gzip");
        }
        request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private OsquerySimulator simulator(String secret, String identifier, String instance) {
        return new OsquerySimulator(
                URI.create("https://localhost:" + server.port()),
                OsqueryTestTls.trusting(OsqueryTestTls.keystore(OsqueryIntegrationTests.DIR)),
                "/api/v1/osquery",
                secret,
                identifier,
                instance);
    }

    private static String secret(HubHttp http) {
        return OsqueryIntegrationTests.createSecret(http, "robustness " + System.nanoTime(), null);
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
