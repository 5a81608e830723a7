package io.zeekagent.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.security.TestApiKeys;
import io.zeekagent.hub.support.HubHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Tests for the console over real HTTP: its files are public and nothing else is, every answer under
 * {@code /console/} carries the Content-Security-Policy, and the files themselves hold no inline script or style.
 */
@Import(ApiKeyTestConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleIntegrationTests {

    private static final Path FILES = Path.of("src/main/resources/console");

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void servesEveryConsoleFileWithoutAKeyWithItsTypeAndTheContentSecurityPolicy() throws Exception {
        for (Path file : consoleFiles()) {
            String path = "/console/" + FILES.relativize(file).toString().replace('\\', '/');
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .matches("(text/html|text/css|text/javascript|application/javascript).*");
            assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                    .as(path)
                    .contains("script-src 'self'", "style-src 'self'", "default-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
        }
    }

    @Test
    void answersTheConsoleRootWithItsPageAndTheBareNameWithARedirect() throws Exception {
        HttpResponse<String> page = get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\"></script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> bare = get("/console");
        assertThat(bare.statusCode()).isBetween(301, 308);
        assertThat(bare.headers().firstValue("Location").orElse("")).endsWith("console/");
    }

    @Test
    void opensNoDataWithoutAKey() throws Exception {
        assertThat(get("/console/no-such-file.json").statusCode()).isEqualTo(404);
        assertThat(get("/console/../api/v1/hosts").statusCode()).isIn(400, 401, 404);
        assertThat(new HubHttp(port, null).get("/api/v1/metrics/series").status())
                .isEqualTo(401);
        HubHttp.Reply post = new HubHttp(port, null).post("/console/index.html", "{}");
        assertThat(post.status()).isEqualTo(401);
        assertThat(get("/api/v1/hosts").headers().firstValue("Content-Security-Policy"))
                .as("the CSP is the console's; the API keeps its own headers")
                .isEmpty();
    }

    @Test
    void givesTheSeriesToAReaderKey() {
        HubHttp.Reply reply = new HubHttp(port, TestApiKeys.READER).get("/api/v1/metrics/series");

        assertThat(reply.status()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        reply.json().get("series").forEach(s -> ids.add(s.get("id").asString()));
        assertThat(ids).contains("ingest", "results", "attributions", "hub.writer.dropped:socket-events/buffer-full");
    }

    @Test
    void holdsNoInlineScriptStyleOrHtmlInjectionPoints() throws IOException {
        for (Path file : consoleFiles()) {
            String text = Files.readString(file);
            assertThat(text)
                    .as(file.toString())
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")
                    .doesNotContain(" style=", "<style", "javascript:")
                    .doesNotContainPattern("<script(?![^>]*\\ssrc=)")
                    .doesNotContainPattern("\\son[a-z]+=\"")
                    .as("no asset from anywhere else")
                    .doesNotContainPattern("https?://(?!www\\.w3\\.org/2000/svg)");
        }
    }

    private List<Path> consoleFiles() throws IOException {
        try (Stream<Path> files = Files.walk(FILES)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
