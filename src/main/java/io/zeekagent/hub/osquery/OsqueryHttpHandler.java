package io.zeekagent.hub.osquery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The osquery TLS remote API over HTTP: Fleet's paths ({@code /api/osquery/...} and the {@code /api/v1/osquery/...}
 * aliases), POST only, the node key from {@code Authorization: NodeKey} first and the body's {@code node_key}
 * second, gzip'd bodies inflated with a bound, and always a JSON answer (osquery reads the body, never the status).
 */
final class OsqueryHttpHandler implements HttpHandler {

    static final String PREFIX = "/api/osquery";
    static final String V1_PREFIX = "/api/v1/osquery";

    private static final Logger log = LoggerFactory.getLogger(OsqueryHttpHandler.class);

    private final OsqueryEndpoints endpoints;
    private final OsqueryProperties properties;
    private final LogBatchReader logReader;
    private final MeterRegistry meters;

    OsqueryHttpHandler(OsqueryEndpoints endpoints, OsqueryProperties properties, MeterRegistry meters) {
        this.endpoints = endpoints;
        this.properties = properties;
        this.logReader = new LogBatchReader(properties.maxLineBytes());
        this.meters = meters;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String endpoint = "unknown";
        OsqueryAnswer answer;
        try {
            String path = exchange.getRequestURI().getPath();
            endpoint = endpoint(path);
            answer = answer(exchange, endpoint);
        } catch (JacksonException | MalformedBodyException | IOException e) {
            answer = refused(e);
        } catch (RuntimeException e) {
            log.error("osquery {} request failed", endpoint, e);
            answer = OsqueryAnswer.error(500, "internal error; retry later");
        }
        meters.counter("hub.osquery.requests", "endpoint", endpoint, "status", Integer.toString(answer.status()))
                .increment();
        send(exchange, answer);
    }

    private OsqueryAnswer answer(HttpExchange exchange, String endpoint) throws IOException {
        if (OsqueryServer.isShedding()) {
            exchange.getResponseHeaders().set("Connection", "close");
            return OsqueryAnswer.error(503, "the hub is overloaded; retry later");
        }
        if (endpoint.equals("unknown")) {
            return OsqueryAnswer.error(
                    404, "unknown osquery endpoint " + exchange.getRequestURI().getPath());
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            return OsqueryAnswer.error(405, "osquery endpoints take POST");
        }
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        boolean large = endpoint.equals("log") || endpoint.equals("distributed/write");
        long limit = large ? properties.maxLogBodyBytes() : properties.maxBodyBytes();
        try (InputStream body = RequestBodies.open(exchange.getRequestBody(), encoding, limit)) {
            if (endpoint.equals("enroll")) {
                String remote = exchange.getRemoteAddress().getAddress().getHostAddress();
                Optional<OsqueryAnswer> throttled = endpoints.throttleEnrollment(remote);
                return throttled.isPresent() ? throttled.get() : endpoints.enroll(tree(body), remote);
            }
            String headerKey = nodeKey(exchange.getRequestHeaders().getFirst("Authorization"));
            Optional<String> hostId = Optional.empty();
            if (headerKey != null) {
                hostId = endpoints.authenticate(headerKey);
                if (hostId.isEmpty()) {
                    return OsqueryAnswer.nodeInvalid("unknown node key; enroll again");
                }
            }
            if (endpoint.equals("log")) {
                LogBatch batch = logReader.read(body);
                return authenticated(hostId, batch.nodeKey())
                        .map(h -> endpoints.log(h, batch))
                        .orElseGet(() -> OsqueryAnswer.nodeInvalid("unknown node key; enroll again"));
            }
            JsonNode tree = tree(body);
            return authenticated(hostId, OsqueryJson.text(tree, "node_key"))
                    .map(h -> endpoints.call(endpoint, h, tree))
                    .orElseGet(() -> OsqueryAnswer.nodeInvalid("unknown node key; enroll again"));
        }
    }

    private Optional<String> authenticated(Optional<String> fromHeader, @Nullable String bodyKey) {
        if (fromHeader.isPresent()) {
            return fromHeader;
        }
        return bodyKey == null ? Optional.empty() : endpoints.authenticate(bodyKey);
    }

    private static JsonNode tree(InputStream body) {
        JsonNode tree = OsqueryAnswer.JSON.readTree(body);
        if (tree == null || !tree.isObject()) {
            throw new MalformedBodyException("the body is not a JSON object");
        }
        return tree;
    }

    /** The key of {@code Authorization: NodeKey <key>}, or null for another or no scheme. */
    static @Nullable String nodeKey(@Nullable String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.strip();
        if (a.length() > 8 && a.substring(0, 8).toLowerCase(Locale.ROOT).equals("nodekey ")) {
            String key = a.substring(8).strip();
            return key.isEmpty() ? null : key;
        }
        return null;
    }

    /** {@code enroll}, {@code config}, {@code log}, {@code distributed/read}, {@code distributed/write}, or unknown. */
    static String endpoint(String path) {
        String rest;
        if (path.startsWith(PREFIX + "/")) {
            rest = path.substring(PREFIX.length() + 1);
        } else if (path.startsWith(V1_PREFIX + "/")) {
            rest = path.substring(V1_PREFIX.length() + 1);
        } else {
            return "unknown";
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return switch (rest) {
            case "enroll", "config", "log", "distributed/read", "distributed/write" -> rest;
            default -> "unknown";
        };
    }

    private static void send(HttpExchange exchange, OsqueryAnswer answer) {
        try (exchange) {
            byte[] bytes = answer.bytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Could not answer an osquery request: {}", e.toString());
        }
    }

    /** A body too large (also when found while parsing), unreadable (broken gzip) or not the JSON expected. */
    static OsqueryAnswer refused(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return OsqueryAnswer.error(413, tooLarge.getMessage());
            }
        }
        if (e instanceof IOException) {
            return OsqueryAnswer.error(400, "unreadable body: " + firstLine(e.getMessage()));
        }
        return OsqueryAnswer.error(400, "malformed JSON body: " + firstLine(e.getMessage()));
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
