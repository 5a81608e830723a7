package io.zeekagent.hub.security;

import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Puts the real REST security in front of any test context and authenticates it with {@link TestApiKeys}.
 *
 * <p>Use {@code @Import(ApiKeyTestConfiguration.class)} on a {@code @WebMvcTest} or {@code @SpringBootTest}. It
 * imports {@link SecurityConfig} (a web slice has none of its own), accepts the three {@link TestApiKeys} next to
 * the stored keys, and makes MockMvc, MockMvcTester and RestTestClient send {@link TestApiKeys#ADMIN} by default. A
 * test that sets {@code X-API-Key} itself (e.g. to {@link TestApiKeys#READER}) overrides the default for that request.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfig.class)
public class ApiKeyTestConfiguration {

    @Bean
    AuthenticationProvider testApiKeyAuthenticationProvider() {
        return new TestKeyProvider();
    }

    @Bean
    MockMvcBuilderCustomizer adminKeyByDefaultForMockMvc() {
        return builder ->
                builder.defaultRequest(MockMvcRequestBuilders.get("/").header(TestApiKeys.HEADER, TestApiKeys.ADMIN));
    }

    @Bean
    RestTestClientBuilderCustomizer adminKeyByDefaultForRestTestClient() {
        return builder -> builder.defaultHeader(TestApiKeys.HEADER, TestApiKeys.ADMIN);
    }

    /** Accepts exactly the {@link TestApiKeys}; anything else is left to the other providers. */
    static final class TestKeyProvider implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            String key = ((ApiKeyAuthentication) authentication).presentedKey();
            return TestApiKeys.roleOf(key)
                    .map(role -> ApiKeyAuthentication.authenticated(
                            new ApiKeyPrincipal("test-" + role.value(), "test-" + role.value(), role)))
                    .orElseThrow(() -> new BadCredentialsException("not a test key"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return ApiKeyAuthentication.class.isAssignableFrom(authentication);
        }
    }
}
