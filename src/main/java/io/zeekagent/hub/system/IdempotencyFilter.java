package io.zeekagent.hub.system;

import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours the {@code Idempotency-Key} request header (IETF httpapi draft) on the POSTs a SOAR playbook retries: the
 * same key with the same body within {@code hub.idempotency.ttl} gets the first answer again without executing
 * twice; the same key with another body is a 422; a retry while the first is still running is a 409. Keys are
 * scoped to the caller's API key and the path.
 */
@Component
@EnableConfigurationProperties({IdempotencyProperties.class, HttpProperties.class})
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final List<String> PATHS =
            List.of("/api/v1/queries", "/api/v1/socket-events", "/api/v1/hosts", "/api/v1/subscriptions");

    private final IdempotencyStore store;
    private final long maxResponseSize;
    private final long maxBodySize;
    private final Clock clock;

    // The clock is optional because @WebMvcTest slices pick up filters but not the ClockConfig bean.
    IdempotencyFilter(IdempotencyProperties properties, HttpProperties http, ObjectProvider<Clock> clock) {
        this.store = new IdempotencyStore(properties.ttl(), properties.maxEntries());
        this.maxResponseSize = properties.maxResponseSize().toBytes();
        this.maxBodySize = http.maxBodySize().toBytes();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    static boolean appliesTo(String path) {
        return PATHS.contains(path);
    }

    /** The header parameter as documented on every operation this filter covers. */
    static Parameter parameter() {
        return new Parameter()
                .in("header")
                .name(HEADER)
                .required(false)
                .description("Any unique string (e.g. a UUID) per logical request: a retry with the same key and "
                        + "body within 24 h gets the first answer again instead of running twice; the same key "
                        + "with another body is a 422.")
                .example("7f0c1f3e-5a2b-4d8c-9e61-0b1a2c3d4e5f")
                .schema(ContractOpenApiCustomizer.typed("string").maxLength(255));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || !appliesTo(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 255) {
            ProblemResponses.write(
                    response,
                    ProblemResponses.problem(
                            HttpStatus.BAD_REQUEST,
                            "validation-failed",
                            "Validation failed",
                            HEADER + ": must be 1 to 255 characters"));
            return;
        }
        byte[] body = readBounded(request.getInputStream());
        if (body == null) {
            PayloadTooLargeException tooLarge = new PayloadTooLargeException(maxBodySize);
            ProblemResponses.write(
                    response,
                    ProblemResponses.problem(
                            tooLarge.status(), "payload-too-large", tooLarge.title(), tooLarge.getMessage()));
            return;
        }
        String scope = (request.getUserPrincipal() == null
                        ? "-"
                        : request.getUserPrincipal().getName()) + " " + request.getRequestURI() + " " + key;
        byte[] hash = sha256(body);
        IdempotencyStore.Entry existing = store.claim(scope, hash, clock.instant());
        if (existing != null) {
            answerFrom(existing, hash, response);
            return;
        }
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), wrapped);
            byte[] answer = wrapped.getContentAsByteArray();
            if (wrapped.getStatus() < 500 && answer.length <= maxResponseSize) {
                store.complete(
                        scope,
                        wrapped.getStatus(),
                        wrapped.getContentType(),
                        wrapped.getHeader(HttpHeaders.LOCATION),
                        answer);
                completed = true;
            }
        } finally {
            if (!completed) {
                store.forget(scope);
            }
            wrapped.copyBodyToResponse();
        }
    }

    private static void answerFrom(IdempotencyStore.Entry entry, byte[] hash, HttpServletResponse response)
            throws IOException {
        if (!entry.sameBody(hash)) {
            ProblemResponses.write(
                    response,
                    ProblemResponses.problem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "idempotency-key-reused",
                            "Idempotency-Key reused",
                            "This Idempotency-Key was used for a request with another body; use a new key"));
            return;
        }
        if (!entry.complete()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            ProblemResponses.write(
                    response,
                    ProblemResponses.problem(
                            HttpStatus.CONFLICT,
                            "idempotency-key-in-use",
                            "Request in progress",
                            "A request with this Idempotency-Key is still being processed; retry shortly"));
            return;
        }
        response.setStatus(entry.status());
        if (entry.contentType() != null) {
            response.setContentType(entry.contentType());
        }
        if (entry.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, entry.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.setContentLength(entry.body().length);
        response.getOutputStream().write(entry.body());
    }

    /** The body, or null when it is larger than {@code hub.http.max-body-size}. */
    private byte @Nullable [] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxBodySize) {
                    return null;
                }
            }
        } catch (PayloadTooLargeException e) {
            return null;
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Serves the already-read body to the controller. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
