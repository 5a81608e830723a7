package io.zeekagent.hub.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;

import io.zeekagent.hub.host.HostResponse;
import io.zeekagent.hub.host.HostStatus;
import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.system.ConflictException;
import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.NotFoundException;
import io.zeekagent.hub.system.PageResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tests for {@link GroupController}. */
@WebMvcTest(GroupController.class)
@Import(ApiKeyTestConfiguration.class)
class GroupControllerTests {

    private static final Instant T = Instant.parse("2026-01-01T12:00:00Z");

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private GroupService groups;

    @Test
    void listsGroups() {
        given(groups.list(any(Pageable.class))).willReturn(new PageResponse<>(List.of(dmz()), 0, 20, 1, 1));

        assertThat(mvc.get().uri("/api/v1/groups"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.content[0].subnets[0]")
                .isEqualTo("192.0.2.0/24");
    }

    @Test
    void createsAGroupWithLocation() {
        given(groups.create(any())).willReturn(dmz());

        assertThat(mvc.post()
                        .uri("/api/v1/groups")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"dmz\",\"subnets\":[\"192.0.2.0/24\"]}"))
                .hasStatus(201)
                .hasHeader("Location", "/api/v1/groups/dmz");
    }

    @Test
    void rejectsANameThatIsNotPathSafe() {
        assertThat(mvc.post()
                        .uri("/api/v1/groups")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"no/slashes\"}"))
                .hasStatus(400)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("name");
                    assertThat(json).extractingPath("$.detail").asString().contains("letters, digits");
                });
    }

    @Test
    void reportsAnInvalidSubnet() {
        given(groups.create(any()))
                .willThrow(new InvalidRequestException(
                        "invalid-subnet",
                        "Invalid subnet",
                        "'10.0.0.0/33' has an invalid prefix length (0..32 expected)",
                        List.of(new FieldProblem("subnets", "'10.0.0.0/33' has an invalid prefix length"))));

        assertThat(mvc.post()
                        .uri("/api/v1/groups")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"dmz\",\"subnets\":[\"10.0.0.0/33\"]}"))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("urn:zeek-agent-hub:problem:invalid-subnet");
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("subnets");
                });
    }

    @Test
    void answersADuplicateNameWith409() {
        given(groups.create(any()))
                .willThrow(new ConflictException("group-exists", "Group already exists", "A group named 'dmz' exists"));

        assertThat(mvc.post()
                        .uri("/api/v1/groups")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"dmz\"}"))
                .hasStatus(409)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.title").isEqualTo("Group already exists");
                    assertThat(json).extractingPath("$.status").isEqualTo(409);
                });
    }

    @Test
    void answersAnUnknownGroupWith404() {
        given(groups.get("nope")).willThrow(NotFoundException.of("group", "nope"));

        assertThat(mvc.get().uri("/api/v1/groups/nope"))
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:zeek-agent-hub:problem:group-not-found");
    }

    @Test
    void replacesADefinitionButNotTheName() {
        given(groups.update(eq("dmz"), any())).willReturn(dmz());

        assertThat(mvc.put()
                        .uri("/api/v1/groups/dmz")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"x\",\"subnets\":[]}"))
                .hasStatusOk();
        assertThat(mvc.put()
                        .uri("/api/v1/groups/dmz")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"other\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:zeek-agent-hub:problem:unknown-field");
    }

    @Test
    void deletesAGroupOrSaysWhatStillUsesIt() {
        assertThat(mvc.delete().uri("/api/v1/groups/dmz")).hasStatus(204);
        then(groups).should().delete("dmz");

        willThrow(new ConflictException("group-in-use", "Group in use", "used by subscription 's'"))
                .given(groups)
                .delete("web");
        assertThat(mvc.delete().uri("/api/v1/groups/web"))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("used by subscription 's'");
    }

    @Test
    void listsEffectiveMembers() {
        given(groups.members("dmz"))
                .willReturn(List.of(new HostResponse(
                        "h1",
                        null,
                        HostStatus.ONLINE,
                        "zeromq-v1",
                        null,
                        null,
                        null,
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of("dmz"),
                        Set.of("dmz"),
                        Set.of(),
                        T,
                        T,
                        T,
                        T,
                        null)));

        assertThat(mvc.get().uri("/api/v1/groups/dmz/hosts"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].transport")
                .isEqualTo("zeromq-v1");
    }

    private static GroupResponse dmz() {
        return new GroupResponse("dmz", "DMZ", Set.of("192.0.2.0/24"), Set.of(), T, T, null);
    }
}
