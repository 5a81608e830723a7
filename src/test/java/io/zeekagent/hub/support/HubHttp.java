package io.zeekagent.hub.support;

import io.zeekagent.hub.security.TestApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one plain HTTP client for end-to-end tests: real sockets, no Spring test machinery between test and server.
 * Requests carry {@link TestApiKeys#ADMIN} unless another key is given; the context must accept it
 * ({@code ApiKeyTestConfiguration}, or the key configured as {@code hub.security.admin-key}).
 */
public final class HubHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final @Nullable String apiKey;

    /** A client that authenticates with {@link TestApiKeys#ADMIN}, the admin key every test context accepts. */
    public HubHttp(int port) {
        this(port, TestApiKeys.ADMIN);
    }

    /** A client that sends {@code apiKey} as {@code X-API-Key}, or no key when it is null. */
    public HubHttp(int port, @Nullable String apiKey) {
        this.base = "http://127.0.0.1:" + port;
        this.apiKey = apiKey;
    }

    /** A response: status, content type and body parsed as JSON (null node when empty). */
    public record Reply(int status, String contentType, JsonNode json, String body) {}

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Reply post(String path, String json) {
        return send(jsonRequest(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String json) {
        return send(jsonRequest(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply patch(String path, String json) {
        return send(jsonRequest(path).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private HttpRequest.Builder jsonRequest(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
    }

    private Reply send(HttpRequest.Builder request) {
        if (apiKey != null) {
            request.header(TestApiKeys.HEADER, apiKey);
        }
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json =
                    body.isBlank() || !body.trim().matches("(?s)^[\\[{].*") ? JSON.missingNode() : JSON.readTree(body);
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    json,
                    body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
