package io.zeekagent.hub.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.system.ConflictException;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.NotFoundException;
import io.zeekagent.hub.system.PageResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tests for {@link HostController}. */
@WebMvcTest(HostController.class)
@Import(ApiKeyTestConfiguration.class)
class HostControllerTests {

    private static final Instant T = Instant.parse("2026-01-01T12:00:00Z");

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private HostService hosts;

    @MockitoBean
    private HostDetailsService details;

    @BeforeEach
    void hostsWithoutDetails() {
        given(details.addTo(ArgumentMatchers.<HostResponse>any())).willAnswer(call -> call.getArgument(0));
        given(details.addTo(ArgumentMatchers.<PageResponse<HostResponse>>any()))
                .willAnswer(call -> call.getArgument(0));
    }

    @Test
    void showsWhatAV2AgentReportedOnTheHost() {
        HostDetails reported = new HostDetails(
                "Linux", "Debian GNU/Linux 12 (bookworm)", "Linux", "6.1.0", "x86_64", Set.of("users", "sockets"), T);
        given(hosts.get("h1")).willReturn(host("h1"));
        given(details.addTo(ArgumentMatchers.<HostResponse>any()))
                .willAnswer(call -> call.<HostResponse>getArgument(0).withDetails(reported));

        assertThat(mvc.get().uri("/api/v1/hosts/h1")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.details.platform").isEqualTo("Linux");
            assertThat(json).extractingPath("$.details.tables").isEqualTo(List.of("sockets", "users"));
            assertThat(json).extractingPath("$.details.reportedAt").isEqualTo("2026-01-01T12:00:00Z");
        });
    }

    @Test
    void showsNullDetailsForAHostWithoutThem() {
        given(hosts.get("h1")).willReturn(host("h1"));

        assertThat(mvc.get().uri("/api/v1/hosts/h1"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.details")
                .isNull();
    }

    @Test
    void listsHostsWithFiltersAndPageMetadata() {
        given(hosts.list(eq(HostStatus.ONLINE), eq("web"), eq("10.0.0.5"), any(Pageable.class)))
                .willReturn(new PageResponse<>(List.of(host("h1")), 0, 20, 1, 1));

        assertThat(mvc.get().uri("/api/v1/hosts?status=ONLINE&group=web&address=10.0.0.5"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.content[0].hostId")
                .isEqualTo("h1");
    }

    @Test
    void rejectsANegativePageSizeWithAProblem() {
        assertThat(mvc.get().uri("/api/v1/hosts?size=-1"))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("urn:zeek-agent-hub:problem:invalid-paging");
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("size");
                });
        then(hosts).should(never()).list(any(), any(), any(), any());
    }

    @Test
    void rejectsAnUnknownStatusWithAProblem() {
        assertThat(mvc.get().uri("/api/v1/hosts?status=SLEEPING"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("status");
    }

    @Test
    void answersAnUnknownHostWith404Problem() {
        given(hosts.get("nope")).willThrow(NotFoundException.of("host", "nope"));

        assertThat(mvc.get().uri("/api/v1/hosts/nope"))
                .hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("urn:zeek-agent-hub:problem:host-not-found");
                    assertThat(json).extractingPath("$.title").isEqualTo("Host not found");
                    assertThat(json).extractingPath("$.detail").isEqualTo("No host 'nope'");
                    assertThat(json).extractingPath("$.status").isEqualTo(404);
                });
    }

    @Test
    void preRegistersAHostWithLocation() {
        given(hosts.preRegister(any())).willReturn(host("h1"));

        assertThat(mvc.post()
                        .uri("/api/v1/hosts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hostId\":\"h1\",\"hostname\":\"web-01\",\"addresses\":[\"10.0.0.5\"],"
                                + "\"groups\":[\"web\"]}"))
                .hasStatus(201)
                .hasHeader("Location", "/api/v1/hosts/h1")
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("PENDING");
    }

    @Test
    void rejectsAHostIdThatIsNotPathSafe() {
        assertThat(mvc.post()
                        .uri("/api/v1/hosts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hostId\":\"a/b c\"}"))
                .hasStatus(400)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("urn:zeek-agent-hub:problem:validation-failed");
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("hostId");
                });
    }

    @Test
    void rejectsAnUnknownFieldNamingIt() {
        assertThat(mvc.post()
                        .uri("/api/v1/hosts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hostId\":\"h1\",\"colour\":\"blue\"}"))
                .hasStatus(400)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("urn:zeek-agent-hub:problem:unknown-field");
                    assertThat(json).extractingPath("$.detail").asString().contains("colour");
                });
    }

    @Test
    void rejectsMalformedJson() {
        assertThat(mvc.post()
                        .uri("/api/v1/hosts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hostId\": "))
                .hasStatus(400)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("urn:zeek-agent-hub:problem:malformed-json");
                    assertThat(json).extractingPath("$.detail").asString().startsWith("Malformed JSON");
                });
    }

    @Test
    void answersADuplicateHostWith409() {
        given(hosts.preRegister(any()))
                .willThrow(new ConflictException("host-exists", "Host already exists", "A host with id 'h1' exists"));

        assertThat(mvc.post()
                        .uri("/api/v1/hosts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hostId\":\"h1\"}"))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:zeek-agent-hub:problem:host-exists");
    }

    @Test
    void patchesAssignedAddressesAndGroups() {
        given(hosts.update(eq("h1"), eq(new UpdateHostRequest(Set.of("10.0.0.9"), null))))
                .willReturn(host("h1"));

        assertThat(mvc.patch()
                        .uri("/api/v1/hosts/h1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"addresses\":[\"10.0.0.9\"]}"))
                .hasStatusOk();
    }

    @Test
    void reportsAnInvalidAssignedAddressAsAFieldError() {
        given(hosts.update(eq("h1"), any()))
                .willThrow(InvalidRequestException.forField("addresses[0]", "'x' is not an IPv4 or IPv6 address"));

        assertThat(mvc.patch()
                        .uri("/api/v1/hosts/h1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"addresses\":[\"x\"]}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("addresses[0]");
    }

    @Test
    void deletesAHost() {
        assertThat(mvc.delete().uri("/api/v1/hosts/h1")).hasStatus(204);
        then(hosts).should().delete("h1");
    }

    static HostResponse host(String id) {
        return new HostResponse(
                id,
                "web-01",
                HostStatus.PENDING,
                null,
                null,
                null,
                null,
                Set.of("10.0.0.5"),
                Set.of(),
                Set.of("10.0.0.5"),
                Set.of("web"),
                Set.of(),
                Set.of("web"),
                null,
                null,
                T,
                T,
                null);
    }
}
