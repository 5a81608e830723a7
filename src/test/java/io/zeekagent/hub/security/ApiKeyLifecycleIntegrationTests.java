package io.zeekagent.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tests for the life of an API key over HTTP: created once, listed without secrets, used, revoked. */
@SecurityIntegrationTest
class ApiKeyLifecycleIntegrationTests {

    private static final String ADMIN = SecurityIntegrationTest.ADMIN_KEY;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createdKeyIsShownOnceAndNeverListed() throws Exception {
        MvcTestResult created = create("lifecycle-shown-once", "reader");
        assertThat(created).hasStatus(201).hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        JsonNode body = json(created);
        String key = body.get("key").asString();
        assertThat(key).startsWith("zah_").hasSize(ApiKeySecrets.KEY_LENGTH);
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION))
                .endsWith("/api/v1/api-keys/" + body.get("id").asString());

        MvcTestResult listed = mvc.get()
                .uri("/api/v1/api-keys?size=1000")
                .header("X-API-Key", ADMIN)
                .exchange();
        assertThat(listed).hasStatusOk();
        String listing = listed.getResponse().getContentAsString();
        assertThat(listing)
                .contains("lifecycle-shown-once")
                .doesNotContain(key)
                .doesNotContain(ApiKeySecrets.hashHex(key));
        assertThat(listing).doesNotContain("\"key\"").doesNotContain("secret");
    }

    @Test
    void keyWorksAsBearerTokenAndAsHeader() {
        String key = json(create("lifecycle-both-headers", "reader")).get("key").asString();
        assertThat(mvc.get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + key))
                .hasStatusOk();
        assertThat(mvc.get().uri("/actuator/metrics").header("X-API-Key", key)).hasStatusOk();
    }

    @Test
    void differentKeysInTheTwoHeadersAreRefused() {
        String key = json(create("lifecycle-two-keys", "admin")).get("key").asString();
        assertThat(mvc.get()
                        .uri("/api/v1/api-keys")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                        .header("X-API-Key", ADMIN)
                        .with(from("203.0.113.50")))
                .hasStatus(401);
    }

    @Test
    void revokedKeyIsRefusedAtOnce() {
        JsonNode created = json(create("lifecycle-revoked", "operator"));
        String key = created.get("key").asString();
        assertThat(mvc.get().uri("/api/v1/api-keys/does-not-exist").header("X-API-Key", key))
                .hasStatus(403);

        assertThat(mvc.delete()
                        .uri("/api/v1/api-keys/" + created.get("id").asString())
                        .header("X-API-Key", ADMIN))
                .hasStatus(204);

        MvcTestResult refused = mvc.get()
                .uri("/actuator/metrics")
                .header("X-API-Key", key)
                .with(from("203.0.113.51"))
                .exchange();
        assertThat(refused).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused).bodyJson().extractingPath("$.type").isEqualTo("urn:zeek-agent-hub:problem:invalid-api-key");
    }

    @Test
    void storedKeyTableHoldsNoUsableKey() {
        String key = json(create("lifecycle-storage", "admin")).get("key").asString();
        String secret = key.substring(ApiKeySecrets.PREFIX.length() + ApiKeySecrets.KEY_ID_LENGTH);

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM api_key");
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            for (Object value : row.values()) {
                assertThat(String.valueOf(value)).doesNotContain(key).doesNotContain(secret);
            }
        }
        Map<String, Object> stored =
                jdbc.queryForMap("SELECT key_id, secret_hash FROM api_key WHERE name = ?", "lifecycle-storage");
        for (Object column : stored.values()) {
            assertThat(mvc.get()
                            .uri("/actuator/metrics")
                            .header("X-API-Key", String.valueOf(column))
                            .with(from("203.0.113.52")))
                    .hasStatus(401);
        }
    }

    @Test
    void lastUsedIsWrittenAtMostOncePerResolution() {
        JsonNode created = json(create("lifecycle-last-used", "reader"));
        String key = created.get("key").asString();
        String id = created.get("id").asString();
        assertThat(lastUsed(id)).isNull();

        assertThat(mvc.get().uri("/actuator/metrics").header("X-API-Key", key)).hasStatusOk();
        Object first = lastUsed(id);
        assertThat(first).isNotNull();

        for (int i = 0; i < 3; i++) {
            assertThat(mvc.get().uri("/actuator/metrics").header("X-API-Key", key))
                    .hasStatusOk();
        }
        assertThat(lastUsed(id)).as("not rewritten within a minute").isEqualTo(first);
        assertThat(json(mvc.get()
                                .uri("/api/v1/api-keys/" + id)
                                .header("X-API-Key", ADMIN)
                                .exchange())
                        .get("lastUsedAt")
                        .isNull())
                .isFalse();
    }

    @Test
    void invalidCreateRequestIsAValidationProblem() {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/api-keys")
                .header("X-API-Key", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"\",\"role\":\"reader\"}")
                .exchange();
        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(create("lifecycle-duplicate", "reader")).hasStatus(201);
        assertThat(create("lifecycle-duplicate", "reader")).hasStatus(409);
    }

    private Object lastUsed(String id) {
        return jdbc.queryForObject("SELECT last_used_at FROM api_key WHERE key_id = ?", Object.class, id);
    }

    private MvcTestResult create(String name, String role) {
        return mvc.post()
                .uri("/api/v1/api-keys")
                .header("X-API-Key", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}")
                .exchange();
    }

    private static JsonNode json(MvcTestResult result) {
        try {
            return JsonMapper.shared().readTree(result.getResponse().getContentAsString());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
