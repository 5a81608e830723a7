package io.zeekagent.hub.security;

import static io.zeekagent.hub.security.ApiKeyLifecycleIntegrationTests.from;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Tests for refused requests: their problem bodies, throttling, metrics, and the audit trail. */
@SecurityIntegrationTest
class AuthFailureIntegrationTests {

    private static final String ADMIN = SecurityIntegrationTest.ADMIN_KEY;
    private static final String WRONG_KEY = "zah_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RecordingAuditSink audit;

    @Test
    void missingKeyIsAProblemWithABearerChallenge() {
        MvcTestResult result = mvc.get().uri("/api/v1/hosts").exchange();
        assertThat(result)
                .hasStatus(401)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"zeek-agent-hub\"");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:zeek-agent-hub:problem:unauthenticated");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
    }

    @Test
    void evenAnUnknownPathNeedsAKey() {
        assertThat(mvc.get().uri("/").exchange()).hasStatus(401);
        assertThat(mvc.get().uri("/no/such/thing").accept(MediaType.TEXT_HTML).exchange())
                .hasStatus(401)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void tooWeakKeyIsAProblemNamingTheNeededRole() {
        MvcTestResult result = mvc.delete()
                .uri("/api/v1/hosts/h1")
                .header("X-API-Key", TestKeys.reader(mvc, "failure-reader"))
                .exchange();
        assertThat(result).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.requiredRole").isEqualTo("operator");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("failure-reader");
    }

    @Test
    void addressIsThrottledAfterTooManyInvalidKeysAndOthersAreNot() {
        double invalidBefore = count("invalid-key");
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.get()
                            .uri("/actuator/metrics")
                            .header("X-API-Key", WRONG_KEY)
                            .with(from("198.51.100.7")))
                    .hasStatus(401);
        }
        MvcTestResult throttled = mvc.get()
                .uri("/actuator/metrics")
                .header("X-API-Key", ADMIN)
                .with(from("198.51.100.7"))
                .exchange();
        assertThat(throttled).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(throttled.getResponse().getHeader(HttpHeaders.RETRY_AFTER)))
                .isBetween(1L, 60L);
        assertThat(throttled)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:zeek-agent-hub:problem:too-many-failed-attempts");

        assertThat(mvc.get().uri("/actuator/metrics").header("X-API-Key", ADMIN).with(from("198.51.100.8")))
                .hasStatusOk();
        assertThat(count("invalid-key") - invalidBefore).isEqualTo(5);
        assertThat(count("rate-limited")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void mutationsAreAuditedWithWhoWhatAndOutcome() {
        String reader = TestKeys.reader(mvc, "audited-reader");
        mvc.delete().uri("/api/v1/api-keys/nope").header("X-API-Key", reader).exchange();
        mvc.post()
                .uri("/api/v1/hosts")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")
                .exchange();
        mvc.get().uri("/api/v1/api-keys").header("X-API-Key", ADMIN).exchange();

        assertThat(audit.events())
                .anySatisfy(e -> {
                    assertThat(e.who()).isEqualTo(ApiKeyPrincipal.CONFIGURED_ADMIN_NAME);
                    assertThat(e.method()).isEqualTo("POST");
                    assertThat(e.status()).isEqualTo(201);
                    assertThat(e.resource()).startsWith("/api/v1/api-keys/");
                })
                .anySatisfy(e -> {
                    assertThat(e.who()).isEqualTo("audited-reader");
                    assertThat(e.describe()).isEqualTo("DELETE /api/v1/api-keys/nope -> 403 by 'audited-reader'");
                })
                .anySatisfy(e -> {
                    assertThat(e.who()).isEqualTo(AuditEvent.ANONYMOUS);
                    assertThat(e.path()).isEqualTo("/api/v1/hosts");
                    assertThat(e.status()).isEqualTo(401);
                })
                .noneSatisfy(e -> assertThat(e.method()).isEqualTo("GET"));
    }

    @Test
    void healthInfoAndApiDocsAreOpenAndDeclareBothKeySchemes() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/info")).hasStatusOk();
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(docs).hasStatusOk();
        assertThat(docs)
                .bodyJson()
                .extractingPath("$.components.securitySchemes.BearerAuth.scheme")
                .isEqualTo("bearer");
        assertThat(docs)
                .bodyJson()
                .extractingPath("$.components.securitySchemes.ApiKeyAuth.name")
                .isEqualTo("X-API-Key");
    }

    private double count(String reason) {
        var counter = meters.find(AuthFailures.METRIC).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
