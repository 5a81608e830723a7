package io.zeekagent.hub.system;

import java.util.List;

/**
 * Every problem {@code type} the hub answers with, so the OpenAPI document can list them for clients that branch on
 * them. A feature that adds a new slug adds it here too (the OpenAPI gate test reads this list).
 */
public final class ProblemTypes {

    /** The slugs, each the tail of {@code urn:zeek-agent-hub:problem:<slug>}. */
    public static final List<String> SLUGS = List.of(
            // 400
            "validation-failed",
            "invalid-request",
            "malformed-json",
            "invalid-json-value",
            "unknown-field",
            "invalid-paging",
            "invalid-query",
            "invalid-columns",
            "invalid-address",
            "invalid-subnet",
            "invalid-connection",
            "invalid-socket-events",
            "unknown-group",
            "request-rejected",
            // 401, 403, 429
            "unauthenticated",
            "invalid-api-key",
            "forbidden",
            "too-many-failed-attempts",
            // 404
            "host-not-found",
            "group-not-found",
            "subscription-not-found",
            "query-not-found",
            "websocket-agent-not-found",
            "socket-event-not-found",
            "api-key-not-found",
            "webhook-not-found",
            // 409, 413, 422
            "host-exists",
            "group-exists",
            "group-in-use",
            "api-key-name-taken",
            "last-admin-key",
            "conflict",
            "concurrent-change",
            "idempotency-key-in-use",
            "too-many-webhooks",
            "payload-too-large",
            "idempotency-key-reused",
            // 503, 500 and Spring MVC's own (405, 406, 415...)
            "attribution-not-ready",
            "database-unavailable",
            "event-stream-unavailable",
            "internal-error",
            "http-405",
            "http-406",
            "http-415");

    private ProblemTypes() {}

    /** The full {@code type} URIs in {@link #SLUGS} order. */
    public static List<String> uris() {
        return SLUGS.stream()
                .map(slug -> ApiException.problemType(slug).toString())
                .toList();
    }
}
