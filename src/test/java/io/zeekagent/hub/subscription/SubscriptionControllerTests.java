package io.zeekagent.hub.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.NotFoundException;
import io.zeekagent.hub.system.PageResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tests for {@link SubscriptionController}. */
@WebMvcTest(SubscriptionController.class)
@Import(ApiKeyTestConfiguration.class)
class SubscriptionControllerTests {

    private static final Instant T = Instant.parse("2026-01-01T12:00:00Z");

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private SubscriptionService subscriptions;

    @BeforeEach
    void validateQueriesForReal() {
        // The service's first step is the real analyzer; let its problems reach the controller as they would.
        given(subscriptions.create(any())).willAnswer(invocation -> {
            SubscriptionRequest request = invocation.getArgument(0);
            AnalyzedQuery query = QueryAnalyzer.analyze(request.query(), request.columns());
            return response(query.columns());
        });
    }

    @Test
    void createsASubscriptionWithLocationAndDerivedColumns() {
        assertThat(post("{\"name\":\"s\",\"query\":\"SELECT pid, exe AS program FROM process_events\"}"))
                .hasStatus(201)
                .hasHeader("Location", "/api/v1/subscriptions/sub-1")
                .bodyJson()
                .extractingPath("$.columns")
                .asArray()
                .containsExactly("pid", "program");
    }

    @Test
    void rejectsDdlSayingWhy() {
        assertThat(post("{\"name\":\"s\",\"query\":\"DROP TABLE hosts\"}"))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("urn:zeek-agent-hub:problem:invalid-query");
                    assertThat(json).extractingPath("$.detail").asString().contains("only SELECT", "DROP");
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("query");
                });
    }

    @Test
    void rejectsChainedStatementsSayingWhy() {
        assertThat(post("{\"name\":\"s\",\"query\":\"SELECT 1; DELETE FROM x\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("exactly one statement");
    }

    @Test
    void rejectsAnIntervalOfZeroBeforeTheService() {
        assertThat(post("{\"name\":\"s\",\"query\":\"SELECT 1\",\"intervalSeconds\":0}"))
                .hasStatus(400)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("intervalSeconds");
                    assertThat(json).extractingPath("$.detail").asString().contains("intervalSeconds");
                });
        assertThat(post("{\"name\":\"s\",\"query\":\"SELECT 1\",\"intervalSeconds\":86401}"))
                .hasStatus(400);
        then(subscriptions).should(never()).create(any());
    }

    @Test
    void rejectsAnUnknownUpdateType() {
        assertThat(post("{\"name\":\"s\",\"query\":\"SELECT 1\",\"updateType\":\"SOMETIMES\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("updateType");
    }

    @Test
    void rejectsAnEventThatIsNotAZeekName() {
        assertThat(post("{\"name\":\"s\",\"query\":\"SELECT 1\",\"event\":\"not an event\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("event");
    }

    @Test
    void reportsAGroupThatDoesNotExist() {
        willThrow(new InvalidRequestException(
                        "unknown-group",
                        "Unknown group",
                        "groups: not defined: nope",
                        List.of(new FieldProblem("groups", "not defined: nope"))))
                .given(subscriptions)
                .create(any());

        assertThat(post("{\"name\":\"s\",\"query\":\"SELECT 1\",\"groups\":[\"nope\"]}"))
                .hasStatus(400)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("urn:zeek-agent-hub:problem:unknown-group");
                    assertThat(json).extractingPath("$.errors[0].message").isEqualTo("not defined: nope");
                });
    }

    @Test
    void rejectsUnknownFieldsAndMalformedJson() {
        assertThat(post("{\"name\":\"s\",\"query\":\"SELECT 1\",\"cookie\":\"mine\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("cookie");
        assertThat(post("{\"name\":\"s\",\"query\":"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:zeek-agent-hub:problem:malformed-json");
    }

    @Test
    void listsGetsReplacesAndDeletes() {
        given(subscriptions.list(any(Pageable.class)))
                .willReturn(new PageResponse<>(List.of(response(List.of("pid"))), 0, 20, 1, 1));
        given(subscriptions.get("sub-1")).willReturn(response(List.of("pid")));
        given(subscriptions.update(eq("sub-1"), any())).willReturn(response(List.of("pid")));

        assertThat(mvc.get().uri("/api/v1/subscriptions"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.totalElements")
                .isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/subscriptions/sub-1"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.revision")
                .isEqualTo(0);
        assertThat(mvc.put()
                        .uri("/api/v1/subscriptions/sub-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"s\",\"query\":\"SELECT pid FROM processes\"}"))
                .hasStatusOk();
        assertThat(mvc.delete().uri("/api/v1/subscriptions/sub-1")).hasStatus(204);
        then(subscriptions).should().delete("sub-1");
    }

    @Test
    void answersAnUnknownIdWith404() {
        given(subscriptions.get("nope")).willThrow(NotFoundException.of("subscription", "nope"));

        assertThat(mvc.get().uri("/api/v1/subscriptions/nope"))
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.title")
                .isEqualTo("Subscription not found");
    }

    private org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder post(String json) {
        return mvc.post()
                .uri("/api/v1/subscriptions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }

    private static SubscriptionResponse response(List<String> columns) {
        return new SubscriptionResponse(
                "sub-1",
                "s",
                "SELECT pid FROM processes",
                "ZeekAgent::query_result",
                columns,
                10,
                UpdateType.BOTH,
                SubscriptionKind.RESULTS,
                Set.of(),
                Set.of(),
                true,
                0,
                T,
                T,
                null);
    }
}
