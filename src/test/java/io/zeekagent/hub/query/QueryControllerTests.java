package io.zeekagent.hub.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.system.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tests for {@link QueryController}. */
@WebMvcTest(QueryController.class)
@Import(ApiKeyTestConfiguration.class)
class QueryControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    OneShotQueryService queries;

    @Test
    void acceptsAQueryWith202AndItsLocation() {
        given(queries.create(any())).willReturn(new QueryAccepted("q1", List.of("a", "b"), List.of("c")));

        var result = mvc.post()
                .uri("/api/v1/queries")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"query\":\"SELECT pid FROM processes\",\"hosts\":[\"a\",\"b\",\"c\"]}");

        assertThat(result).hasStatus(HttpStatus.ACCEPTED).hasHeader("Location", "/api/v1/queries/q1");
        assertThat(result).bodyJson().extractingPath("$.notSent[0]").isEqualTo("c");
    }

    @Test
    void blankQueryAndUnknownFieldsAre400s() {
        assertThat(mvc.post()
                        .uri("/api/v1/queries")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"query\":\" \"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("query");
        assertThat(mvc.post()
                        .uri("/api/v1/queries")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"query\":\"SELECT 1\",\"targets\":[]}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void returnsRowsPerHostTheFailedOnesWithWhyAndThePendingOnes() {
        var answer = new QueryResponse(
                "q1",
                "SELECT pid FROM processes",
                List.of("pid"),
                Instant.parse("2026-11-30T00:00:00Z"),
                false,
                List.of(
                        new HostAnswer("a", "ANSWERED", null, null, List.of(Map.of("pid", 1)), null),
                        new HostAnswer("b", "FAILED", null, null, List.of(), "no such table: processes"),
                        new HostAnswer("c", "PENDING", null, null, List.of(), null)),
                List.of("c"),
                "zeek:sensor-1");
        given(queries.await("q1", 5)).willReturn(CompletableFuture.completedFuture(answer));

        var result = mvc.get().uri("/api/v1/queries/q1?waitSeconds=5");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.pending[0]").isEqualTo("c");
        assertThat(result).bodyJson().extractingPath("$.hosts[0].rows[0].pid").isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.hosts[1].state").isEqualTo("FAILED");
        assertThat(result).bodyJson().extractingPath("$.hosts[1].error").isEqualTo("no such table: processes");
        assertThat(result).bodyJson().extractingPath("$.owner").isEqualTo("zeek:sensor-1");
    }

    @Test
    void unknownQueryIsA404Problem() {
        given(queries.await("nope", 0)).willThrow(NotFoundException.of("query", "nope"));

        assertThat(mvc.get().uri("/api/v1/queries/nope"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:zeek-agent-hub:problem:query-not-found");
    }

    @Test
    void withPreferRespondAsyncAPendingQueryIs202WithRetryAfterAndACompleteOneIs200() {
        var pending = new QueryResponse(
                "q1",
                "SELECT 1",
                List.of("1"),
                Instant.parse("2026-11-30T00:00:00Z"),
                false,
                List.of(new HostAnswer("c", "PENDING", null, null, List.of(), null)),
                List.of("c"),
                null);
        var complete = new QueryResponse(
                "q2",
                "SELECT 1",
                List.of("1"),
                Instant.parse("2026-11-30T00:00:00Z"),
                true,
                List.of(),
                List.of(),
                null);
        given(queries.await("q1", 0)).willReturn(CompletableFuture.completedFuture(pending));
        given(queries.await("q2", 0)).willReturn(CompletableFuture.completedFuture(complete));

        var waiting = mvc.get().uri("/api/v1/queries/q1").header("Prefer", "respond-async");
        assertThat(waiting)
                .hasStatus(HttpStatus.ACCEPTED)
                .hasHeader("Retry-After", "2")
                .hasHeader("Location", "/api/v1/queries/q1")
                .hasHeader("Preference-Applied", "respond-async");
        assertThat(waiting).bodyJson().extractingPath("$.pending[0]").isEqualTo("c");
        assertThat(mvc.get().uri("/api/v1/queries/q2").header("Prefer", "respond-async"))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/queries/q1")).hasStatusOk();
    }

    @Test
    void sameIdempotencyKeyAndBodyReplaysTheFirstAnswerWithoutRunningTwiceAndAnotherBodyIs422() {
        given(queries.create(any())).willReturn(new QueryAccepted("q1", List.of("a"), List.of()));
        String body = "{\"query\":\"SELECT pid FROM processes\",\"hosts\":[\"a\"]}";

        var first = mvc.post()
                .uri("/api/v1/queries")
                .header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        var retry = mvc.post()
                .uri("/api/v1/queries")
                .header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        var other = mvc.post()
                .uri("/api/v1/queries")
                .header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"query\":\"SELECT 2\"}");

        assertThat(first).hasStatus(HttpStatus.ACCEPTED);
        assertThat(retry)
                .hasStatus(HttpStatus.ACCEPTED)
                .hasHeader("Location", "/api/v1/queries/q1")
                .hasHeader("Idempotent-Replayed", "true");
        assertThat(retry.getResponse().getContentAsByteArray())
                .isEqualTo(first.getResponse().getContentAsByteArray());
        assertThat(other)
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:zeek-agent-hub:problem:idempotency-key-reused");
        org.mockito.Mockito.verify(queries, org.mockito.Mockito.times(1)).create(any());
    }
}
