package io.zeekagent.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.support.HubHttp;
import io.zeekagent.hub.support.HubHttp.Reply;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** End-to-end over real HTTP: the Done-when cases of the foundation, against the whole application. */
@Import(ApiKeyTestConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
class HubIntegrationTests {

    @LocalServerPort
    int port;

    HubHttp http;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    @Test
    void createsAGroupAHostAndASubscriptionThatTargetsThem() {
        String group = unique("dmz");
        String host = unique("host");
        assertThat(http.post("/api/v1/groups", "{\"name\":\"" + group + "\",\"subnets\":[\"192.0.2.0/24\"]}")
                        .status())
                .isEqualTo(201);
        Reply created =
                http.post("/api/v1/hosts", "{\"hostId\":\"" + host + "\",\"addresses\":[\"::ffff:192.0.2.7\"]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("addresses").get(0).asString()).isEqualTo("192.0.2.7");
        assertThat(created.json().get("groups").get(0).asString()).isEqualTo(group);

        Reply subscription = http.post(
                "/api/v1/subscriptions",
                "{\"name\":\"sockets\",\"query\":\"SELECT * FROM socket_events\",\"kind\":\"SOCKET_EVENTS\","
                        + "\"groups\":[\"" + group + "\"],\"hosts\":[\"not-seen-yet\"]}");
        assertThat(subscription.status()).isEqualTo(201);
        assertThat(subscription.json().get("columns").size()).isEqualTo(17);
        assertThat(subscription.json().get("updateType").asString()).isEqualTo("ADDED");
        assertThat(subscription.json().get("intervalSeconds").asInt()).isEqualTo(10);

        Reply members = http.get("/api/v1/groups/" + group + "/hosts");
        assertThat(members.json().get(0).get("hostId").asString()).isEqualTo(host);
        Reply filtered = http.get("/api/v1/hosts?address=192.0.2.7&group=" + group);
        assertThat(filtered.json().get("totalElements").asInt()).isEqualTo(1);

        Reply inUse = http.delete("/api/v1/groups/" + group);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("detail").asString()).contains("sockets");
    }

    @Test
    void answersEveryBadInputWithAProblemNeverA5xx() {
        String group = unique("g");
        http.post("/api/v1/groups", "{\"name\":\"" + group + "\"}");

        assertProblem(http.post("/api/v1/groups", "{\"name\": "), 400, "malformed-json", "Malformed JSON");
        assertProblem(
                http.post("/api/v1/groups", "{\"name\":\"x\",\"colour\":\"red\"}"), 400, "unknown-field", "colour");
        assertProblem(subscription("DROP TABLE hosts", ""), 400, "invalid-query", "DROP");
        assertProblem(subscription("SELECT 1; DELETE FROM x", ""), 400, "invalid-query", "exactly one statement");
        assertProblem(subscription("SELECT 1", ",\"intervalSeconds\":0"), 400, "validation-failed", "intervalSeconds");
        assertProblem(
                http.post("/api/v1/groups", "{\"name\":\"" + unique("n") + "\",\"subnets\":[\"10.0.0.0/33\"]}"),
                400,
                "invalid-subnet",
                "10.0.0.0/33");
        assertProblem(http.post("/api/v1/groups", "{\"name\":\"" + group + "\"}"), 409, "group-exists", group);
        assertProblem(
                subscription("SELECT 1", ",\"groups\":[\"no-such-group\"]"), 400, "unknown-group", "no-such-group");
        assertProblem(http.get("/api/v1/hosts/no-such-host"), 404, "host-not-found", "no-such-host");
        assertProblem(http.get("/api/v1/hosts?size=-1"), 400, "invalid-paging", "size");
    }

    @Test
    void servesOpenApiSwaggerUiAndActuator() {
        Reply docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("info").get("title").asString()).isEqualTo("Zeek Agent Hub API");
        assertThat(docs.json().get("paths").has("/api/v1/groups/{name}/hosts")).isTrue();
        assertThat(http.get("/swagger-ui.html").status()).isIn(200, 302);
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);

        Reply health = http.get("/actuator/health");
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").has("db")).isTrue();
        assertThat(http.get("/actuator/info").status()).isEqualTo(200);
        assertThat(http.get("/actuator/metrics").json().get("names").size()).isPositive();
        assertThat(http.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }

    private Reply subscription(String query, String extra) {
        return http.post("/api/v1/subscriptions", "{\"name\":\"s\",\"query\":\"" + query + "\"" + extra + "}");
    }

    private static void assertProblem(Reply reply, int status, String type, String detailContains) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:zeek-agent-hub:problem:" + type);
        assertThat(reply.json().get("title").asString()).isNotBlank();
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("detail").asString()).contains(detailContains);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
