package io.zeekagent.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every mutating API request (POST, PUT, PATCH, DELETE under {@code /api/}) after it has been answered,
 * refused ones included, so the trail shows attempts as well as changes. It wraps the authentication filter and so
 * sees its 401s and 429s too. The attribution POSTs are exempt: they only read, and SOAR tools call them per
 * connection, which would drown the trail.
 */
final class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String ATTRIBUTIONS = "/api/v1/attributions";

    private final List<AuditSink> sinks;

    AuditFilter(List<AuditSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !MUTATING.contains(request.getMethod())
                || !path.startsWith("/api/")
                || path.equals(ATTRIBUTIONS)
                || path.startsWith(ATTRIBUTIONS + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean completed = false;
        try {
            chain.doFilter(request, response);
            completed = true;
        } finally {
            // An exception escaping the chain becomes a 500 further out; record it as such.
            int status = completed ? response.getStatus() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            record(request, response, status);
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, int status) {
        String path = request.getRequestURI();
        Object who = request.getAttribute(ApiKeyAuthenticationFilter.PRINCIPAL_ATTRIBUTE);
        String location = response.getHeader(HttpHeaders.LOCATION);
        AuditEvent event = new AuditEvent(
                who instanceof String name ? name : AuditEvent.ANONYMOUS,
                request.getRemoteAddr(),
                request.getMethod(),
                path,
                location != null && status < 400 ? location : path,
                status);
        for (AuditSink sink : sinks) {
            try {
                sink.record(event);
            } catch (RuntimeException e) {
                log.warn(
                        "Audit sink {} failed for {}: {}",
                        sink.getClass().getSimpleName(),
                        event.describe(),
                        e.toString());
            }
        }
    }
}
