package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tests for {@link SocketEventController}. */
@WebMvcTest(SocketEventController.class)
@Import(ApiKeyTestConfiguration.class)
class SocketEventControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    SocketEventIngestService service;

    @MockitoBean
    SocketEventSearch search;

    @Test
    void answers201WithSeuidsInRequestOrder() {
        given(service.ingestRequests(anyList())).willReturn(List.of("S1", "S2"));
        assertThat(mvc.post()
                        .uri("/api/v1/socket-events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "[{\"hostId\":\"a\",\"remoteAddress\":\"10.0.0.2\",\"remotePort\":443,\"time\":1795996800},"
                                        + "{\"hostId\":\"b\",\"localPort\":22,\"time\":\"2026-11-30T00:00:00Z\"}]"))
                .hasStatus(201)
                .bodyJson()
                .isStrictlyEqualTo("{\"seuids\":[\"S1\",\"S2\"]}");
    }

    @Test
    void reportsPerItemValidationErrorsInOneProblem() {
        given(service.ingestRequests(anyList()))
                .willThrow(new InvalidRequestException(
                        "invalid-socket-events",
                        "Invalid socket events",
                        "1 invalid field(s); nothing was stored",
                        List.of(new FieldProblem("[3].localPort", "must be between 0 and 65535"))));
        assertThat(mvc.post()
                        .uri("/api/v1/socket-events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"hostId\":\"a\"}]"))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .isLenientlyEqualTo("{\"errors\":[{\"field\":\"[3].localPort\"}]}");
    }

    @Test
    void rejectsUnknownFields() {
        assertThat(mvc.post()
                        .uri("/api/v1/socket-events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"hostId\":\"a\",\"colour\":\"red\"}]"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:zeek-agent-hub:problem:unknown-field");
    }

    @Test
    void listsAPageFilteredByHostAndSince() {
        SocketEventResponse event = new SocketEventResponse(
                "S1",
                "a",
                "connect",
                1L,
                null,
                null,
                null,
                null,
                null,
                "tcp",
                null,
                null,
                "10.0.0.2",
                443,
                null,
                Instant.parse("2026-11-30T00:00:00Z"));
        SocketEventFilter filter = SocketEventFilter.byHostAndTime("a", Instant.parse("2026-11-30T00:00:00Z"));
        given(search.page(filter, 0, 20)).willReturn(List.of(event));
        given(search.count(filter)).willReturn(1L);
        assertThat(mvc.get().uri("/api/v1/socket-events?hostId=a&since=2026-11-30T00:00:00Z"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"content\":[{\"seuid\":\"S1\",\"remotePort\":443}],\"totalElements\":1}");
    }

    @Test
    void sweepFiltersTakeAnySpellingOfAnAddressAndRefuseWhatIsNotOne() {
        SocketEventFilter filter = new SocketEventFilter(
                null,
                Instant.parse("2026-11-30T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"),
                List.of("::ffff:93.184.216.34", "93.184.216.34"),
                443,
                List.of(),
                null,
                "/usr/bin/curl");
        given(search.page(filter, 20, 20)).willReturn(List.of());
        given(search.count(filter)).willReturn(21L);
        assertThat(mvc.get()
                        .uri("/api/v1/socket-events?remoteAddress=::ffff:93.184.216.34&remotePort=443"
                                + "&exe=/usr/bin/curl&since=2026-11-30T00:00:00Z&until=2026-12-01T00:00:00Z&page=1"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"totalElements\":21,\"page\":1}");
        assertThat(mvc.get().uri("/api/v1/socket-events?remoteAddress=evil.example"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("remoteAddress");
        assertThat(mvc.get().uri("/api/v1/socket-events?remotePort=70000")).hasStatus(400);
        assertThat(mvc.get().uri("/api/v1/socket-events?since=2026-12-01T00:00:00Z&until=2026-11-30T00:00:00Z"))
                .hasStatus(400);
    }

    @Test
    void rejectsInvalidPaging() {
        assertThat(mvc.get().uri("/api/v1/socket-events?size=0"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
    }

    @Test
    void answers404ProblemForUnknownSeuids() {
        given(service.find("Snope"))
                .willThrow(
                        new NotFoundException("socket-event-not-found", "Socket event not found", "No socket event"));
        assertThat(mvc.get().uri("/api/v1/socket-events/Snope"))
                .hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
