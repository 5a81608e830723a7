package io.zeekagent.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Answers a request that needs a key but brought none: 401 problem+json with a {@code Bearer} challenge. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final AuthFailures failures;

    ProblemAuthenticationEntryPoint(AuthFailures failures) {
        this.failures = failures;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        failures.missingKey(response);
    }
}
