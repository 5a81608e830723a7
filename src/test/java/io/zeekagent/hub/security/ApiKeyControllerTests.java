package io.zeekagent.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

import io.zeekagent.hub.system.NotFoundException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tests for {@link ApiKeyController} in a web slice, authenticated the way every slice is: {@link TestApiKeys}. */
@WebMvcTest(ApiKeyController.class)
@Import(ApiKeyTestConfiguration.class)
class ApiKeyControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ApiKeyService keys;

    @Test
    void createAnswers201WithTheKeyAndNoStore() {
        given(keys.create("soar", Role.OPERATOR))
                .willReturn(new CreatedApiKeyResponse("abc", "soar", Role.OPERATOR, Instant.EPOCH, "zah_secret"));

        assertThat(mvc.post()
                        .uri("/api/v1/api-keys")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"soar\",\"role\":\"operator\"}"))
                .hasStatus(201)
                .hasHeader("Location", "/api/v1/api-keys/abc")
                .hasHeader("Cache-Control", "no-store")
                .bodyJson()
                .extractingPath("$.role")
                .isEqualTo("operator");
    }

    @Test
    void unknownRoleIsA400Problem() {
        assertThat(mvc.post()
                        .uri("/api/v1/api-keys")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"soar\",\"role\":\"root\"}"))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void revokeAnswers204AndUnknownIdIs404() {
        assertThat(mvc.delete().uri("/api/v1/api-keys/abc")).hasStatus(204);
        verify(keys).revoke("abc");

        given(keys.get("nope")).willThrow(new NotFoundException("api-key-not-found", "API key not found", "No key"));
        assertThat(mvc.get().uri("/api/v1/api-keys/nope"))
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:zeek-agent-hub:problem:api-key-not-found");
    }

    @Test
    void anOperatorTestKeyMayNotManageKeys() {
        assertThat(mvc.get().uri("/api/v1/api-keys").header(TestApiKeys.HEADER, TestApiKeys.OPERATOR))
                .hasStatus(403)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/v1/api-keys").header(TestApiKeys.HEADER, "zah_wrong"))
                .hasStatus(401);
    }
}
