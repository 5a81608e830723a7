package io.zeekagent.hub.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of the reliability campaign: real sockets to a hub (in this JVM or a child one), every request
 * authenticated with an API key. Methods throw {@link IOException} so a test can tell a dead hub from an answer.
 */
final class HubClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String base;
    private final String apiKey;

    HubClient(int port, String apiKey) {
        this.base = "http://127.0.0.1:" + port;
        this.apiKey = apiKey;
    }

    /** An answer: status, content type and the body as text. */
    record Reply(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Reply get(String path) throws IOException {
        return send(request(path).GET());
    }

    Reply post(String path, String json) throws IOException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Health is UP (false while the hub starts or cannot answer). Asked without a key, as monitoring does. */
    boolean isUp() {
        try {
            Reply r = health();
            return r.status() == 200 && r.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        }
    }

    /** The health status of one component ({@code db}, {@code zeromq}...), e.g. {@code UP} or {@code DOWN}. */
    String componentHealth(String component) throws IOException {
        return health().json().path("components").path(component).path("status").asString("?");
    }

    private Reply health() throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                .timeout(Duration.ofSeconds(30))
                .GET());
    }

    /** Stored socket events, of one host or (hostId null) of all. */
    long countSocketEvents(@Nullable String hostId) throws IOException {
        Reply r = get("/api/v1/socket-events?size=1" + (hostId == null ? "" : "&hostId=" + hostId));
        if (r.status() != 200) {
            throw new IOException("GET socket-events answered " + r.status() + ": " + r.body());
        }
        return r.json().get("totalElements").asLong();
    }

    /** Every stored seuid (page by page). */
    List<String> allSeuids() throws IOException {
        List<String> seuids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode json = get("/api/v1/socket-events?size=1000&page=" + page).json();
            json.get("content").forEach(e -> seuids.add(e.get("seuid").asString()));
            if (page + 1 >= json.get("totalPages").asInt()) {
                return seuids;
            }
        }
    }

    /** The value of a counter or gauge from {@code /actuator/metrics}, summed over the given tag (or all). */
    double metric(String name, @Nullable String tag) throws IOException {
        Reply r = get("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag));
        if (r.status() == 404) {
            return 0;
        }
        return r.json().get("measurements").get(0).get("value").asDouble();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-API-Key", apiKey);
    }

    private Reply send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
