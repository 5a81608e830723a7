package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.willThrow;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.system.ServiceUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tests for {@link AttributionController} while the index is still being rebuilt. */
@WebMvcTest(AttributionController.class)
@Import(ApiKeyTestConfiguration.class)
class AttributionControllerReadinessTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    AttributionService service;

    @BeforeEach
    void notReady() {
        willThrow(new ServiceUnavailableException("attribution-not-ready", "Attribution index not ready", "rebuilding"))
                .given(service)
                .requireReady();
    }

    @Test
    void answers503ProblemForBatchesUntilRebuilt() {
        assertThat(mvc.post()
                        .uri("/api/v1/attributions/batch")
                        .contentType(AttributionController.NDJSON)
                        .content("{}\n"))
                .hasStatus(503)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:zeek-agent-hub:problem:attribution-not-ready");
    }
}
