package io.zeekagent.hub.agent;

import io.zeekagent.hub.security.TestApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny JSON-over-HTTP client for end-to-end tests against a hub on a random port. */
public final class HubHttp {

    private final HttpClient client = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    public HubHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Status and parsed body of a response. */
    public record Reply(int status, JsonNode body) {}

    public Reply get(String path) {
        return send(builder(path).GET().build());
    }

    public Reply post(String path, String body) {
        return send(json(path).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Reply put(String path, String body) {
        return send(json(path).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Reply patch(String path, String body) {
        return send(json(path)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Reply delete(String path) {
        return send(builder(path).DELETE().build());
    }

    private HttpRequest.Builder json(String path) {
        return builder(path).header("Content-Type", "application/json");
    }

    /** Every request carries the admin key that every test context accepts (see docs/security.md). */
    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TestApiKeys.ADMIN);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            String body = r.body();
            return new Reply(r.statusCode(), body == null || body.isBlank() ? json.nullNode() : json.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
