package io.zeekagent.hub.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.system.ProblemResponses;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The REST API's filter chain: API keys, roles from {@link AccessPolicy}, problem+json for 401/403/429, and the
 * audit trail. The WebSocket agent endpoint has its own port and server and is not behind this chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubSecurityProperties.class)
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    /**
     * The console's Content-Security-Policy: its own scripts, styles and images only, data from its own origin, no
     * inline script or style, no frames, no form posts. An injected string can therefore never run as script.
     */
    static final String CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    @Bean
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http,
            HubSecurityProperties properties,
            ObjectProvider<AuthenticationProvider> providers,
            ObjectProvider<AuditSink> auditSinks,
            ObjectProvider<MeterRegistry> meterRegistry)
            throws Exception {
        // Stateless token authentication: every request carries its key in a header, nothing lives in a session or a
        // cookie, so there is no ambient credential a cross-site request could ride on. CSRF protection exists to
        // stop exactly that, and is therefore off; so are form login, HTTP Basic and the saved-request cache.
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterAfter(new AuditFilter(auditSinks.orderedStream().toList()), SecurityContextHolderFilter.class)
                .headers(h -> h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        PathPatternRequestMatcher.pathPattern("/console/**"),
                        new ContentSecurityPolicyHeaderWriter(CONSOLE_CSP))));

        if (!properties.enabled()) {
            log.warn("hub.security.enabled=false: the REST API is OPEN. Anyone who can reach it can send SQL to every"
                    + " agent, read the results and inject socket events. Never run like this outside a lab.");
            http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
            return http.build();
        }

        AuthFailures failures = new AuthFailures(
                new FailedAttemptLimiter(properties.maxFailedAttempts(), properties.failureWindow(), System::nanoTime),
                meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
        List<AuthenticationProvider> authenticationProviders =
                providers.orderedStream().toList();
        http.addFilterBefore(
                        new ApiKeyAuthenticationFilter(new ProviderManager(authenticationProviders), failures),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new ProblemAuthenticationEntryPoint(failures))
                        .accessDeniedHandler(new ProblemAccessDeniedHandler()))
                .authorizeHttpRequests(SecurityConfig::authorize);
        return http.build();
    }

    /**
     * A request the firewall refuses (an encoded {@code %}, {@code ;} or {@code //} in the path...) is bad input like
     * any other: a 400 problem, not Boot's JSON error page.
     */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> ProblemResponses.write(
                response,
                ProblemResponses.problem(
                        HttpStatus.BAD_REQUEST,
                        "request-rejected",
                        "Request rejected",
                        "The request was refused before it reached the API: " + rejected.getMessage()));
    }

    private static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
        // Error and async dispatches continue a request that was already authorised on its way in.
        registry.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                .permitAll();
        for (AccessRule rule : AccessPolicy.RULES) {
            String[] patterns = rule.patterns().toArray(String[]::new);
            var matched = rule.method() == null
                    ? registry.requestMatchers(patterns)
                    : registry.requestMatchers(rule.method(), patterns);
            if (rule.role() == null) {
                matched.permitAll();
            } else {
                matched.hasRole(rule.role().securityRole());
            }
        }
        registry.anyRequest().hasRole(AccessPolicy.DEFAULT_ROLE.securityRole());
    }
}
