package io.zeekagent.hub.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * One line of the {@link AccessPolicy}: requests matching {@code method} (any when null) and one of the path
 * patterns need {@code role}, or nothing at all when {@code role} is null.
 *
 * @param method the HTTP method, or null for every method
 * @param patterns Spring path patterns
 * @param role the weakest role allowed, or null for open endpoints
 */
record AccessRule(
        @Nullable HttpMethod method,
        List<String> patterns,
        @Nullable Role role) {

    static AccessRule open(String... patterns) {
        return new AccessRule(null, List.of(patterns), null);
    }

    static AccessRule require(Role role, String... patterns) {
        return new AccessRule(null, List.of(patterns), role);
    }

    static AccessRule require(Role role, HttpMethod method, String... patterns) {
        return new AccessRule(method, List.of(patterns), role);
    }
}
