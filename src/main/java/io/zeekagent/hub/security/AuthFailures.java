package io.zeekagent.hub.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.system.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Answers failed authentication (401, 429) as problem+json, counts every failure in
 * {@code hub.security.auth.failures{reason}} and feeds invalid keys to the per-address {@link FailedAttemptLimiter}.
 * A missing key is counted but not limited: it guesses nothing.
 */
final class AuthFailures {

    static final String METRIC = "hub.security.auth.failures";
    private static final String CHALLENGE = "Bearer realm=\"zeek-agent-hub\"";

    private final FailedAttemptLimiter limiter;
    private final Counter missing;
    private final Counter invalid;
    private final Counter limited;

    AuthFailures(FailedAttemptLimiter limiter, MeterRegistry registry) {
        this.limiter = limiter;
        this.missing = counter(registry, "missing-key");
        this.invalid = counter(registry, "invalid-key");
        this.limited = counter(registry, "rate-limited");
    }

    /** Seconds {@code request}'s address must wait before presenting a key again, if it is being throttled. */
    OptionalLong retryAfterSeconds(HttpServletRequest request) {
        return limiter.retryAfterSeconds(request.getRemoteAddr());
    }

    void missingKey(HttpServletResponse response) throws IOException {
        missing.increment();
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        ProblemResponses.write(
                response,
                ProblemResponses.problem(
                        HttpStatus.UNAUTHORIZED,
                        "unauthenticated",
                        "Authentication required",
                        "Send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'"));
    }

    void invalidKey(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        invalid.increment();
        limiter.recordFailure(request.getRemoteAddr());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
        ProblemResponses.write(
                response,
                ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "invalid-api-key", "Invalid API key", detail));
    }

    void throttled(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        limited.increment();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        ProblemDetail problem = ProblemResponses.problem(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-failed-attempts",
                "Too many failed attempts",
                "Too many invalid API keys from this address; retry in " + retryAfterSeconds + " s");
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        ProblemResponses.write(response, problem);
    }

    private static Counter counter(MeterRegistry registry, String reason) {
        return Counter.builder(METRIC)
                .description("Requests refused for a missing, invalid or throttled API key")
                .tag("reason", reason)
                .register(registry);
    }
}
