package io.zeekagent.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tests that authentication goes off only when explicitly disabled, and says so loudly. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {"hub.security.enabled=false", "hub.security.admin-key="})
@AutoConfigureMockMvc
class SecurityDisabledIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void everythingAnswersWithoutAKeyAfterAWarningAndNoKeyIsGenerated(CapturedOutput output) {
        assertThat(output.getOut()).contains("WARN").contains("hub.security.enabled=false: the REST API is OPEN");
        assertThat(output.getOut()).doesNotContain("shown only this once");
        assertThat(mvc.get().uri("/api/v1/api-keys")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/metrics")).hasStatusOk();
    }
}
