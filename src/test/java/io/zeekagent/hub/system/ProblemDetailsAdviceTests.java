package io.zeekagent.hub.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Tests for {@link ProblemDetailsAdvice} and {@link BodySizeLimitFilter}. */
@WebMvcTest(controllers = ProblemDetailsAdviceTests.ProbeController.class)
@Import({ProblemDetailsAdviceTests.ProbeController.class, ApiKeyTestConfiguration.class})
@TestPropertySource(properties = "hub.http.max-body-size=200B")
class ProblemDetailsAdviceTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void malformedJsonIsA400Problem() {
        assertThat(post("{\"name\": "))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:zeek-agent-hub:problem:malformed-json");
    }

    @Test
    void unknownFieldIsA400NamingTheField() {
        var result = post("{\"name\":\"a\",\"count\":1,\"bogus\":true}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("bogus");
    }

    @Test
    void wrongTypeIsA400NamingTheField() {
        var result = post("{\"name\":\"a\",\"count\":\"many\"}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("count");
    }

    @Test
    void validationErrorsListEveryField() {
        var result = post("{\"name\":\"\",\"count\":-1}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors.length()").isEqualTo(2);
    }

    @Test
    void emptyBodyIsA400() {
        assertThat(post("")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void bodyOverTheLimitIsA413() {
        String big = "{\"name\":\"" + "x".repeat(500) + "\",\"count\":1}";
        assertThat(post(big)).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void apiExceptionKeepsItsStatusAndType() {
        assertThat(mvc.get().uri("/probe/{id}", "nope"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:zeek-agent-hub:problem:probe-not-found");
    }

    @Test
    void wrongContentTypeIsA415Problem() {
        assertThat(mvc.post().uri("/probe").contentType(MediaType.TEXT_PLAIN).content("x"))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private MockMvcTester.MockMvcRequestBuilder post(String body) {
        return mvc.post().uri("/probe").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    record ProbeRequest(@NotBlank String name, @Min(0) int count) {}

    @RestController
    static class ProbeController {

        @PostMapping("/probe")
        ProbeRequest echo(@Valid @RequestBody ProbeRequest request) {
            return request;
        }

        @GetMapping("/probe/{id}")
        String get(@PathVariable String id) {
            throw NotFoundException.of("probe", id);
        }
    }
}
