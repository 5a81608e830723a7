package io.zeekagent.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which role each endpoint needs, as data: the filter chain is built from it and the 403 problem quotes it. The first
 * matching rule wins; whatever no rule names needs a reader key, so a new endpoint is never open by accident.
 */
final class AccessPolicy {

    /** The console's pages and assets ({@code io.zeekagent.hub.console}). */
    static final String[] CONSOLE_PATHS = {"/console", "/console/", "/console/**"};

    /** The rules in order. GET-like requests read; the attribution POSTs only read too; other writes operate. */
    static final List<AccessRule> RULES = List.of(
            AccessRule.open("/actuator/health", "/actuator/health/**", "/actuator/info"),
            AccessRule.open(
                    "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**"),
            // The console's static pages and assets only: its data comes from /api with the key the page asks for.
            new AccessRule(HttpMethod.GET, List.of(CONSOLE_PATHS), null),
            new AccessRule(HttpMethod.HEAD, List.of(CONSOLE_PATHS), null),
            AccessRule.require(Role.ADMIN, "/api/v1/api-keys", "/api/v1/api-keys/**"),
            AccessRule.require(Role.ADMIN, "/api/v1/osquery/enroll-secrets", "/api/v1/osquery/enroll-secrets/**"),
            AccessRule.require(Role.ADMIN, "/api/v1/webhooks", "/api/v1/webhooks/**"),
            AccessRule.require(Role.READER, HttpMethod.GET, "/api/**"),
            AccessRule.require(Role.READER, HttpMethod.HEAD, "/api/**"),
            AccessRule.require(Role.READER, HttpMethod.POST, "/api/v1/attributions", "/api/v1/attributions/**"),
            AccessRule.require(Role.OPERATOR, "/api/**"));

    /** What every request no rule names needs (actuator metrics and prometheus, unknown paths). */
    static final Role DEFAULT_ROLE = Role.READER;

    private AccessPolicy() {}

    /** The role an operation documented as {@code method path} (path template as in OpenAPI) needs. */
    static Optional<Role> requiredRole(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (AccessRule rule : RULES) {
            if (rule.method() != null && !rule.method().equals(method)) {
                continue;
            }
            for (String pattern : rule.patterns()) {
                if (PathPatternParser.defaultInstance.parse(pattern).matches(container)) {
                    return Optional.ofNullable(rule.role());
                }
            }
        }
        return Optional.of(DEFAULT_ROLE);
    }

    /** The role {@code request} needs, or empty if it is open. */
    static Optional<Role> requiredRole(HttpServletRequest request) {
        for (AccessRule rule : RULES) {
            for (String pattern : rule.patterns()) {
                PathPatternRequestMatcher matcher = rule.method() == null
                        ? PathPatternRequestMatcher.pathPattern(pattern)
                        : PathPatternRequestMatcher.pathPattern(rule.method(), pattern);
                if (matcher.matches(request)) {
                    return Optional.ofNullable(rule.role());
                }
            }
        }
        return Optional.of(DEFAULT_ROLE);
    }
}
