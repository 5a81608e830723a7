package io.zeekagent.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Tests that a fresh hub without a configured key prints a working admin key while it starts. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = "hub.security.admin-key=")
@AutoConfigureMockMvc
class FirstStartIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void theKeyInTheStartupBannerAdministersTheHub(CapturedOutput output) {
        Matcher banner = Pattern.compile("shown only this once:\\s+(zah_[A-Za-z0-9_-]{55})\\s")
                .matcher(output.getOut());
        assertThat(banner.find())
                .as("banner with the generated key in the startup log")
                .isTrue();
        String key = banner.group(1);

        assertThat(mvc.get().uri("/api/v1/api-keys").header("Authorization", "Bearer " + key))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.content[0].name")
                .isEqualTo(AdminKeyBootstrap.GENERATED_KEY_NAME);
        assertThat(mvc.get().uri("/api/v1/api-keys")).hasStatus(401);
    }
}
