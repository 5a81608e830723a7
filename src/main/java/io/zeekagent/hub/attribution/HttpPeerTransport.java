package io.zeekagent.hub.attribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@link PeerTransport} over the JDK HTTP client: one POST per batch, connect and request timeouts, a key header. */
final class HttpPeerTransport implements PeerTransport {

    private final HttpClient http;
    private final Duration timeout;
    private final @Nullable String key;

    HttpPeerTransport(Duration timeout, @Nullable String key) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.timeout = timeout;
        this.key = key;
    }

    @Override
    public void lookup(
            String baseUrl,
            List<HostLookup> lookups,
            boolean details,
            List<MatchCollector> outs,
            List<Completeness> states)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + PeerWire.PATH))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(PeerWire.request(lookups, details)));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(baseUrl + " answered " + response.statusCode());
        }
        try {
            PeerWire.readResponse(response.body(), outs, states, lookups.size());
        } catch (RuntimeException e) {
            throw new IOException(baseUrl + " answered an unreadable body: " + e.getMessage(), e);
        }
    }
}
