package io.zeekagent.hub.security;

import io.zeekagent.hub.system.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads an API key from {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>} and authenticates it. A
 * request without a key passes on unauthenticated (open endpoints answer it, the rest say 401 via the entry point);
 * a wrong key is a 401 here and now, and a throttled address a 429 before its key is even looked at.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";
    /** Request attribute holding the authenticated principal's name, for the audit trail. */
    static final String PRINCIPAL_ATTRIBUTE = ApiKeyAuthenticationFilter.class.getName() + ".principal";

    private static final String BEARER = "Bearer ";

    private final AuthenticationManager authenticationManager;
    private final AuthFailures failures;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthenticationFilter(AuthenticationManager authenticationManager, AuthFailures failures) {
        this.authenticationManager = authenticationManager;
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String bearer = bearerToken(request);
        String header = blankToNull(request.getHeader(API_KEY_HEADER));
        if (bearer == null && header == null) {
            chain.doFilter(request, response);
            return;
        }
        OptionalLong retryAfter = failures.retryAfterSeconds(request);
        if (retryAfter.isPresent()) {
            failures.throttled(response, retryAfter.getAsLong());
            return;
        }
        if (bearer != null && header != null && !bearer.equals(header)) {
            failures.invalidKey(request, response, "The Authorization and X-API-Key headers carry different keys");
            return;
        }
        String key = bearer != null ? bearer : header;
        Authentication authenticated;
        try {
            authenticated = authenticationManager.authenticate(ApiKeyAuthentication.unauthenticated(key));
        } catch (AuthenticationException e) {
            failures.invalidKey(request, response, "The API key is unknown or has been revoked");
            return;
        } catch (DataAccessException | TransactionException e) {
            // Stored keys live in the database: while it is away no key can be checked, which is not the key's fault.
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            ProblemResponses.write(
                    response,
                    ProblemResponses.problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "database-unavailable",
                            "Database unavailable",
                            "The API key cannot be checked while the database is unreachable. Retry later."));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authenticated);
        contexts.setContext(context);
        request.setAttribute(PRINCIPAL_ATTRIBUTE, authenticated.getName());
        chain.doFilter(request, response);
    }

    private static @Nullable String bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return blankToNull(authorization.substring(BEARER.length()));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
