package io.zeekagent.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Tests that the test-wide configured admin key is {@link TestApiKeys#ADMIN}, which test HTTP clients send. */
class TestApiKeysTests {

    @Test
    void theTestWideAdminKeyIsTheOneTestClientsSend() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/config/application.properties")) {
            assertThat(in).isNotNull();
            properties.load(in);
        }
        assertThat(properties.getProperty("hub.security.admin-key")).isEqualTo(TestApiKeys.ADMIN);
    }
}
