package io.zeekagent.hub.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.system.PageResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tests for {@link ResultsController}. */
@WebMvcTest(ResultsController.class)
@Import(ApiKeyTestConfiguration.class)
class ResultsControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ResultService results;

    @Test
    void servesRowsAsObjectsKeyedByColumnWithHostAndUpdateType() {
        Instant since = Instant.parse("2026-11-30T00:00:00Z");
        var row = new ResultRowResponse(1, "s1", "h1", RowUpdate.ADD, since, Map.of("pid", 42, "exe", "/bin/sh"));
        given(results.rows("s1", "h1", since, 0, 20)).willReturn(new PageResponse<>(List.of(row), 0, 20, 1, 1));

        var result = mvc.get().uri("/api/v1/subscriptions/s1/results?host=h1&since=2026-11-30T00:00:00Z");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.content[0].row.pid").isEqualTo(42);
        assertThat(result).bodyJson().extractingPath("$.content[0].updateType").isEqualTo("ADD");
    }

    @Test
    void invalidSinceIsA400() {
        assertThat(mvc.get().uri("/api/v1/subscriptions/s1/results?since=soon")).hasStatus(HttpStatus.BAD_REQUEST);
    }
}
