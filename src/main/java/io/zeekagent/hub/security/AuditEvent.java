package io.zeekagent.hub.security;

/**
 * One audited request: who did what to which resource, and how it ended.
 *
 * @param who the API key's name, or {@code anonymous} when no valid key was presented
 * @param clientAddress the client's address
 * @param method the HTTP method
 * @param path the request path
 * @param resource the resource acted on: the {@code Location} of a created resource, else the path
 * @param status the response status
 */
record AuditEvent(String who, String clientAddress, String method, String path, String resource, int status) {

    static final String ANONYMOUS = "anonymous";

    /** Whether the request was carried out (2xx/3xx). */
    boolean succeeded() {
        return status < 400;
    }

    /** A one-line account for the activity log. */
    String describe() {
        String line = method + " " + path + " -> " + status + " by '" + who + "'";
        return resource.equals(path) ? line : line + " (resource " + resource + ")";
    }
}
