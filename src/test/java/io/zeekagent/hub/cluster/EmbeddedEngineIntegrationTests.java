package io.zeekagent.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.ZeekAgentHubApplication;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The default single node ({@code hub.cluster.engine=embedded}) loads no Kafka class although Spring for Apache Kafka
 * is on the class path: a hub in a child JVM, with the JVM's class-load log, serves a socket-event ingest and an
 * attribution, and the log names no {@code org.apache.kafka}, {@code org.springframework.kafka} or
 * {@code io.zeekagent.hub.stream} class. Tagged {@code cluster}: one JVM start.
 */
@Tag("cluster")
class EmbeddedEngineIntegrationTests {

    private static final String ADMIN_KEY = "zah_embedded-admin-key-for-the-class-load-test";

    @Test
    void theEmbeddedEngineServesIngestAndAttributionWithoutLoadingAKafkaClass() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "embedded-it", Long.toString(System.nanoTime())));
        Path classes = dir.resolve("classes.log");
        int http = freePort();
        String surefire = System.getProperty("surefire.test.class.path");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xlog:class+load=info:file=" + classes,
                "-cp",
                surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path"),
                ZeekAgentHubApplication.class.getName(),
                "--server.port=" + http,
                "--spring.datasource.url=jdbc:h2:mem:embedded-nokafka;DB_CLOSE_DELAY=-1",
                "--hub.zeromq.xpub-endpoint=tcp://127.0.0.1:" + freePort(),
                "--hub.zeromq.xsub-endpoint=tcp://127.0.0.1:" + freePort(),
                "--hub.zeromq.linger=0ms",
                "--hub.websocket.port=0",
                "--hub.spool.directory=" + dir.resolve("spool"),
                "--hub.activity.file=" + dir.resolve("zeek-agent.log"),
                "--hub.security.admin-key=" + ADMIN_KEY,
                "--springdoc.api-docs.enabled=false",
                "--spring.main.banner-mode=off");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("hub.log").toFile())
                .start();
        HttpClient client = HttpClient.newHttpClient();
        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        assertThat(process.isAlive())
                                .as("hub exited, see " + dir.resolve("hub.log"))
                                .isTrue();
                        try {
                            return send(client, http, "GET", "/actuator/health", null)
                                            .statusCode()
                                    == 200;
                        } catch (IOException e) {
                            return false;
                        }
                    });
            long now = System.currentTimeMillis() / 1000;
            HttpResponse<String> created = send(
                    client,
                    http,
                    "POST",
                    "/api/v1/socket-events",
                    "[{\"hostId\":\"e1\",\"syscall\":\"connect\",\"remoteAddress\":\"10.0.0.2\",\"remotePort\":443,"
                            + "\"time\":" + now + "}]");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> attributed = send(
                    client,
                    http,
                    "POST",
                    "/api/v1/attributions",
                    "{\"ts\":" + now + ",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":50000,\"id.resp_h\":\"10.0.0.2\","
                            + "\"id.resp_p\":443,\"proto\":\"tcp\"}");
            assertThat(attributed.statusCode()).as(attributed.body()).isEqualTo(200);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).as("class-load log").anyMatch(l -> l.contains("io.zeekagent.hub.ingest."));
        assertThat(loaded)
                .as("Kafka classes loaded by the embedded engine")
                .noneMatch(l -> l.contains("org.apache.kafka.")
                        || l.contains("org.springframework.kafka.")
                        // The package's annotations (package-info) are read by the nullness checks: no Kafka there.
                        || (l.contains("io.zeekagent.hub.stream.") && !l.contains("package-info")));
    }

    private static HttpResponse<String> send(HttpClient client, int port, String method, String path, String json)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-API-Key", ADMIN_KEY)
                .timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
