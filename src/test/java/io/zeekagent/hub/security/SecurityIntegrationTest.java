package io.zeekagent.hub.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The full application with real stored keys, a configured admin key ({@link #ADMIN_KEY}) and an in-memory database;
 * classes carrying it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:security-it;DB_CLOSE_DELAY=-1",
            "hub.security.admin-key=" + SecurityIntegrationTest.ADMIN_KEY,
            "hub.security.max-failed-attempts=5"
        })
@AutoConfigureMockMvc
@Import(SecurityIntegrationTest.AuditRecorder.class)
@interface SecurityIntegrationTest {

    String ADMIN_KEY = "configured-admin-key-for-integration-tests-only";

    /** Adds a {@link RecordingAuditSink} beside the production sinks. */
    @TestConfiguration(proxyBeanMethods = false)
    class AuditRecorder {
        @Bean
        RecordingAuditSink recordingAuditSink() {
            return new RecordingAuditSink();
        }
    }
}
