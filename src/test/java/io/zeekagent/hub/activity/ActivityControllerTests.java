package io.zeekagent.hub.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tests for {@link ActivityController}. */
@WebMvcTest(ActivityController.class)
@Import(ApiKeyTestConfiguration.class)
class ActivityControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ActivityLog activity;

    @Test
    void listsEntriesWithTheZeekLogFields() {
        var entry = new ActivityEntryResponse(
                7, Instant.parse("2026-11-30T00:00:00Z"), "host", "h1", "info", "Zeek Agent host disconnected");
        given(activity.search(any(), any())).willReturn(new PageImpl<>(List.of(entry), PageRequest.of(0, 20), 1));

        var result = mvc.get().uri("/api/v1/activity");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.content[0].message").isEqualTo("Zeek Agent host disconnected");
        assertThat(result).bodyJson().extractingPath("$.content[0].ts").isEqualTo("2026-11-30T00:00:00Z");
        assertThat(result).bodyJson().extractingPath("$.totalElements").isEqualTo(1);
    }

    @Test
    void passesEveryFilterToTheService() {
        given(activity.search(any(), any())).willReturn(new PageImpl<>(List.of()));

        assertThat(
                        mvc.get()
                                .uri(
                                        "/api/v1/activity?source=host&host=h1&level=WARNING&since=2026-11-30T00:00:00Z&page=1&size=5"))
                .hasStatusOk();

        verify(activity)
                .search(
                        eq(new ActivityFilter(
                                "host", "h1", ActivityLog.Level.WARNING, Instant.parse("2026-11-30T00:00:00Z"))),
                        any(Pageable.class));
    }

    @Test
    void unknownLevelIsA400NamingTheParameter() {
        var result = mvc.get().uri("/api/v1/activity?level=loud");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("level");
    }

    @Test
    void invalidSinceAndPagingAre400s() {
        assertThat(mvc.get().uri("/api/v1/activity?since=yesterday")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/activity?size=0"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
    }
}
