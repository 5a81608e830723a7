package io.zeekagent.hub.cluster;

import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.ZeekAgentHubApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A hub replica ({@code hub.cluster.engine=kafka}) in a child JVM on a shared PostgreSQL schema, so that a test can
 * {@code kill -9} it. Free ports, a known admin key, its log in {@code dir}. {@link #close()} leaves no JVM behind.
 */
final class ReplicaProcess implements AutoCloseable {

    static final String ADMIN_KEY = "zah_cluster-admin-key-for-child-replicas-only";

    private final String name;
    private final Path log;
    private final int httpPort = freePort();
    private final int xpubPort = freePort();
    private final int xsubPort = freePort();
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    private ReplicaProcess(
            String name, Path dir, String jdbcUrl, String schema, @Nullable String kafka, List<String> extra) {
        this.name = name;
        this.log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // Tests start replicas fast (C1 only, serial GC, small heap); benchmarks (run with -Dbench.mode) measure them
        // as `java -jar` runs them in production, with the full JIT and the default collector.
        command.addAll(
                System.getProperty("bench.mode") == null
                        ? List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
                        : List.of("-Xmx768m"));
        command.addAll(List.of(
                "-cp",
                classpath(),
                ZeekAgentHubApplication.class.getName(),
                "--server.port=" + httpPort,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema,
                "--hub.cluster.engine=" + (kafka != null && kafka.isEmpty() ? "embedded" : "kafka"),
                "--hub.cluster.replica-id=" + name,
                "--hub.cluster.advertised-url=http://127.0.0.1:" + httpPort,
                "--spring.kafka.bootstrap-servers=" + (kafka == null || kafka.isEmpty() ? "127.0.0.1:1" : kafka),
                // Without a broker (the dispatch tests) the hub does not wait to create its topic.
                "--hub.cluster.kafka.create-topics=" + (kafka != null && !kafka.isEmpty()),
                "--hub.zeromq.xpub-endpoint=" + xpubEndpoint(),
                "--hub.zeromq.xsub-endpoint=" + xsubEndpoint(),
                "--hub.zeromq.linger=0ms",
                "--hub.websocket.port=0",
                "--hub.activity.file=" + dir.resolve(name + "-zeek-agent.log"),
                "--hub.security.admin-key=" + ADMIN_KEY,
                "--hub.subscription.default-socket-events=false",
                "--hub.websocket.default-socket-events=false",
                "--springdoc.api-docs.enabled=false",
                "--spring.main.banner-mode=off"));
        command.addAll(extra);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a replica; call {@link #awaitUp()} before using it. */
    static ReplicaProcess start(String name, Path dir, String jdbcUrl, String schema, String... extra) {
        return new ReplicaProcess(name, dir, jdbcUrl, schema, null, List.of(extra));
    }

    /** Starts a replica on a Kafka broker; call {@link #awaitUp()} before using it. */
    static ReplicaProcess startOnKafka(
            String name, Path dir, String jdbcUrl, String schema, String kafka, String... extra) {
        return new ReplicaProcess(name, dir, jdbcUrl, schema, kafka, List.of(extra));
    }

    /** Waits until the replica's health is UP. */
    void awaitUp() {
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                name + " exited with " + process.exitValue() + ":\n" + logTail());
                    }
                    try {
                        return get("/actuator/health").status() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    /** A single node ({@code hub.cluster.engine=embedded}) on the same schema, for same-run baselines. */
    static ReplicaProcess startSingleNode(String name, Path dir, String jdbcUrl, String schema, String... extra) {
        return new ReplicaProcess(name, dir, jdbcUrl, schema, "", List.of(extra));
    }

    /** CPU seconds (user + system) the replica's JVM has used so far, from {@code /proc/<pid>/stat}. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after "pid (comm) ".
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    String xpubEndpoint() {
        return "tcp://127.0.0.1:" + xpubPort;
    }

    String xsubEndpoint() {
        return "tcp://127.0.0.1:" + xsubPort;
    }

    /** GET with the admin key. */
    Response get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** POST of a JSON body with the admin key. */
    Response post(String path, String json) throws IOException {
        return post(path, "application/json", json);
    }

    /** POST of a body of the given media type with the admin key. */
    Response post(String path, String contentType, String body) throws IOException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POST without the admin key, with these headers (name, value, ...). */
    Response postAs(String path, String json, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    int httpPort() {
        return httpPort;
    }

    /** The absolute URL of a path on this replica's HTTP port. */
    String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /** SIGKILL: no shutdown hook, the lease is not resigned. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    private Response send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> r = http.send(
                    request.header("X-API-Key", ADMIN_KEY)
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    private void waitForExit() {
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classpath() {
        @Nullable String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** An HTTP answer. */
    record Response(int status, String body) {}
}
