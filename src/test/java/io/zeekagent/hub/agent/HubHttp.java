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
final class HubHttp {

    private final HttpClient client = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    HubHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Status and parsed body of a response. */
    record Reply(int status, JsonNode body) {}

    Reply get(String path) {
        return send(request(path).GET().build());
    }

    Reply post(String path, String body) {
        return send(json(path).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Reply put(String path, String body) {
        return send(json(path).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Reply patch(String path, String body) {
        return send(json(path)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    Reply delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** Every request carries the test admin key ({@code ApiKeyTestConfiguration} accepts it). */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header(TestApiKeys.HEADER, TestApiKeys.ADMIN);
    }

    private HttpRequest.Builder json(String path) {
        return request(path).header("Content-Type", "application/json");
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
