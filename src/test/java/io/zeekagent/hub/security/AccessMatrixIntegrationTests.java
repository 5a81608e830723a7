package io.zeekagent.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The endpoint × role matrix: for every endpoint, no key is a 401, a key below its role a 403, and a key with its role
 * or a stronger one gets through. Every REST endpoint the application maps must be listed in {@link #ENDPOINTS}.
 */
@SecurityIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTests {

    /** Rows: method, path (templates as mapped), weakest role allowed or null when open. */
    static final List<Row> ENDPOINTS = List.of(
            // open
            new Row("GET", "/actuator/health", null),
            new Row("GET", "/actuator/info", null),
            new Row("GET", "/v3/api-docs", null),
            new Row("GET", "/swagger-ui.html", null),
            // the console: its static files are open, anything else under it is not
            new Row("GET", "/console/", null),
            new Row("GET", "/console/js/app.js", null),
            new Row("POST", "/console/", Role.READER),
            new Row("GET", "/api/v1/metrics/series", Role.READER),
            // operations
            new Row("GET", "/actuator/metrics", Role.READER),
            new Row("GET", "/actuator/prometheus", Role.READER),
            new Row("GET", "/actuator", Role.READER),
            // hosts
            new Row("GET", "/api/v1/hosts", Role.READER),
            new Row("POST", "/api/v1/hosts", Role.OPERATOR),
            new Row("GET", "/api/v1/hosts/{hostId}", Role.READER),
            new Row("PATCH", "/api/v1/hosts/{hostId}", Role.OPERATOR),
            new Row("DELETE", "/api/v1/hosts/{hostId}", Role.OPERATOR),
            // groups
            new Row("GET", "/api/v1/groups", Role.READER),
            new Row("POST", "/api/v1/groups", Role.OPERATOR),
            new Row("GET", "/api/v1/groups/{name}", Role.READER),
            new Row("PUT", "/api/v1/groups/{name}", Role.OPERATOR),
            new Row("DELETE", "/api/v1/groups/{name}", Role.OPERATOR),
            new Row("GET", "/api/v1/groups/{name}/hosts", Role.READER),
            // subscriptions
            new Row("GET", "/api/v1/subscriptions", Role.READER),
            new Row("POST", "/api/v1/subscriptions", Role.OPERATOR),
            new Row("GET", "/api/v1/subscriptions/{id}", Role.READER),
            new Row("GET", "/api/v1/subscriptions/{id}/deliveries", Role.READER),
            new Row("GET", "/api/v1/subscriptions/{id}/results", Role.READER),
            new Row("POST", "/api/v1/queries", Role.OPERATOR),
            new Row("GET", "/api/v1/queries/{id}", Role.READER),
            new Row("GET", "/api/v1/activity", Role.READER),
            new Row("GET", "/api/v1/websocket/agents", Role.READER),
            new Row("GET", "/api/v1/websocket/agents/{agentId}", Role.READER),
            new Row("PUT", "/api/v1/subscriptions/{id}", Role.OPERATOR),
            new Row("DELETE", "/api/v1/subscriptions/{id}", Role.OPERATOR),
            // socket events and attribution
            new Row("POST", "/api/v1/socket-events", Role.OPERATOR),
            new Row("GET", "/api/v1/socket-events", Role.READER),
            new Row("GET", "/api/v1/socket-events/{seuid}", Role.READER),
            new Row("GET", "/api/v1/contacts", Role.READER),
            new Row("GET", "/api/v1/webhooks", Role.ADMIN),
            new Row("POST", "/api/v1/webhooks", Role.ADMIN),
            new Row("GET", "/api/v1/webhooks/{id}", Role.ADMIN),
            new Row("DELETE", "/api/v1/webhooks/{id}", Role.ADMIN),
            new Row("POST", "/api/v1/attributions", Role.READER),
            new Row("POST", "/api/v1/attributions/batch", Role.READER),
            // API keys
            new Row("GET", "/api/v1/api-keys", Role.ADMIN),
            new Row("POST", "/api/v1/api-keys", Role.ADMIN),
            new Row("GET", "/api/v1/api-keys/{id}", Role.ADMIN),
            new Row("DELETE", "/api/v1/api-keys/{id}", Role.ADMIN),
            new Row("GET", "/api/v1/osquery/enroll-secrets", Role.ADMIN),
            new Row("POST", "/api/v1/osquery/enroll-secrets", Role.ADMIN),
            new Row("DELETE", "/api/v1/osquery/enroll-secrets/{id}", Role.ADMIN));

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApiKeyService keys;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private final Map<Role, String> keyByRole = new EnumMap<>(Role.class);

    @BeforeAll
    void createOneKeyPerRole() {
        for (Role role : Role.values()) {
            keyByRole.put(role, keys.create("matrix-" + role.value(), role).key());
        }
    }

    Stream<Row> endpoints() {
        return ENDPOINTS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyEndpointAdmitsItsRoleAndStrongerAndRefusesTheRest(Row row) {
        MvcTestResult anonymous = send(row, null);
        if (row.role() == null) {
            assertThat(anonymous.getResponse().getStatus()).as(row.toString()).isLessThan(400);
        } else {
            assertThat(anonymous).hasStatus(401).as(row.toString());
            assertThat(anonymous).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        for (Role role : Role.values()) {
            MvcTestResult result = send(row, keyByRole.get(role));
            if (row.role() == null || role.compareTo(row.role()) >= 0) {
                assertThat(result.getResponse().getStatus())
                        .as("%s with a %s key", row, role.value())
                        .isNotIn(401, 403, 429);
            } else {
                assertThat(result).as("%s with a %s key", row, role.value()).hasStatus(403);
                assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(result)
                        .bodyJson()
                        .extractingPath("$.type")
                        .isEqualTo("urn:zeek-agent-hub:problem:forbidden");
            }
        }
    }

    @Test
    void everyMappedRestEndpointIsInTheMatrix() {
        List<String> missing = new ArrayList<>();
        handlerMapping.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                Stream<String> names = methods.isEmpty()
                        ? Stream.of("GET", "POST", "PUT", "PATCH", "DELETE")
                        : methods.stream().map(Enum::name);
                names.filter(method -> ENDPOINTS.stream()
                                .noneMatch(row -> row.method().equals(method)
                                        && row.path().equals(path)))
                        .forEach(method -> missing.add(method + " " + path));
            }
        });
        assertThat(missing).as("REST endpoints missing from the access matrix").isEmpty();
    }

    private MvcTestResult send(Row row, @Nullable String key) {
        var request = mvc.method(HttpMethod.valueOf(row.method())).uri(row.concretePath());
        if (key != null) {
            request.header(ApiKeyAuthenticationFilter.API_KEY_HEADER, key);
        }
        if (!row.method().equals("GET") && !row.method().equals("DELETE")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return request.exchange();
    }

    /** One endpoint and the weakest role it admits (null: open). */
    record Row(String method, String path, @Nullable Role role) {

        String concretePath() {
            return path.replaceAll("\\{[^}]+}", "1");
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + (role == null ? "open" : role.value()) + ")";
        }
    }
}
