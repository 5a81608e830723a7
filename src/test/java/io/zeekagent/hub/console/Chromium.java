package io.zeekagent.hub.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Headless Debian Chromium driven through chromedriver's W3C WebDriver HTTP API: a dozen commands over
 * {@link HttpClient} instead of Selenium, so nothing (no Selenium Manager, no driver) is ever downloaded and the
 * binaries used are exactly {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process driver;
    private final String base;
    private final String session;

    private Chromium(Process driver, String base, String session) {
        this.driver = driver;
        this.base = base;
        this.session = session;
    }

    /** Why the browser cannot run here, or empty when both binaries are installed. */
    static Optional<String> unavailable() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            return Optional.of("browser tests skipped: " + BROWSER + " and " + DRIVER
                    + " are needed (apt-get install chromium chromium-driver)");
        }
        return Optional.empty();
    }

    /** Starts chromedriver on a free port and opens one headless browser window of the given size. */
    static Chromium start(int width, int height) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process driver = new ProcessBuilder(DRIVER.toString(), "--port=" + port, "--log-level=SEVERE")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "chromedriver.log").toFile())
                .start();
        String base = "http://127.0.0.1:" + port;
        Chromium probe = new Chromium(driver, base, "");
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                if (probe.call("GET", "/status", null).path("ready").asBoolean()) {
                    break;
                }
            } catch (IOException | RuntimeException notYet) {
                // the driver is still starting
            }
            if (Instant.now().isAfter(deadline) || !driver.isAlive()) {
                driver.destroy();
                throw new IOException("chromedriver did not start (see target/chromedriver.log)");
            }
            Thread.sleep(100);
        }
        Map<String, Object> options = Map.of(
                "binary",
                BROWSER.toString(),
                "args",
                List.of(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-extensions",
                        "--no-first-run",
                        "--hide-scrollbars",
                        "--window-size=" + width + "," + height));
        Map<String, Object> capabilities = Map.of(
                "capabilities", Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", options)));
        JsonNode created;
        try {
            created = probe.call("POST", "/session", capabilities);
        } catch (RuntimeException e) {
            driver.destroy();
            throw e;
        }
        return new Chromium(driver, base, created.path("sessionId").asString());
    }

    void open(String url) {
        command("POST", "/url", Map.of("url", url));
    }

    void resize(int width, int height) {
        command("POST", "/window/rect", Map.of("width", width, "height", height));
    }

    /** The element matching the CSS selector now; an error if there is none. */
    String find(String css) {
        return command("POST", "/element", Map.of("using", "css selector", "value", css))
                .path(ELEMENT)
                .asString();
    }

    void click(String css) {
        command("POST", "/element/" + find(css) + "/click", Map.of());
    }

    /** Types into the element as a keyboard would ({@code \uE007} is Enter). */
    void type(String css, String text) {
        String element = find(css);
        command("POST", "/element/" + element + "/clear", Map.of());
        command("POST", "/element/" + element + "/value", Map.of("text", text));
    }

    /** Runs a script in the page and returns its result (null, text, number, boolean...). */
    @Nullable
    Object script(String script, Object... args) {
        JsonNode value = command("POST", "/execute/sync", Map.of("script", script, "args", List.of(args)));
        return value.isNull() || value.isMissingNode() ? null : JSON.treeToValue(value, Object.class);
    }

    /** Runs a script that returns a number. */
    long number(String script, Object... args) {
        Object value = script(script, args);
        if (!(value instanceof Number n)) {
            throw new IllegalStateException("not a number: " + value + " from " + script);
        }
        return n.longValue();
    }

    /** The text content of the first element matching the selector, or null when there is none. */
    @Nullable
    String text(String css) {
        Object text = script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
        return text == null ? null : text.toString();
    }

    /** Saves a PNG of the viewport under {@code target/}. */
    Path screenshot(String name) throws IOException {
        byte[] png =
                Base64.getDecoder().decode(command("GET", "/screenshot", null).asString());
        Path file = Path.of("target", "console-screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, png);
        return file;
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } catch (IOException | RuntimeException e) {
            // the driver goes anyway
        } finally {
            driver.destroy();
        }
    }

    private JsonNode command(String method, String path, @Nullable Object body) {
        try {
            return call(method, "/session/" + session + path, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode call(String method, String path, @Nullable Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " -> " + response.statusCode() + ": "
                    + value.path("error").asString() + " "
                    + value.path("message").asString());
        }
        return value;
    }
}
