package io.zeekagent.hub.reliability;

import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.ZeekAgentHubApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A hub in a child JVM, so that a test can kill it the way an operating system does: {@link #kill()} is SIGKILL
 * ({@code kill -9}, no shutdown hook runs), {@link #terminate()} is SIGTERM (the graceful shutdown path). The child
 * runs on the test classpath with a file database and its log under {@code dir}, free ports and a known admin key.
 * {@link #close()} always leaves no JVM behind.
 */
final class HubProcess implements AutoCloseable {

    /** The admin key every child hub accepts ({@code hub.security.admin-key}). */
    static final String ADMIN_KEY = "zah_reliability-admin-key-for-child-hubs-only";

    private final Path dir;
    private final int httpPort;
    private final int xpubPort;
    private final int xsubPort;
    private final List<String> extraArgs;
    private Process process;
    private int starts;

    private HubProcess(Path dir, List<String> extraArgs) {
        this.dir = dir;
        this.httpPort = HubPorts.free();
        this.xpubPort = HubPorts.free();
        this.xsubPort = HubPorts.free();
        this.extraArgs = List.copyOf(extraArgs);
    }

    /** Starts a hub on the H2 file database {@code dir/hub} and waits until its health is UP. */
    static HubProcess start(Path dir, String... extraArgs) {
        HubProcess hub = new HubProcess(dir, List.of(extraArgs));
        hub.restart();
        return hub;
    }

    /** Starts the hub again on the same database and ports (after {@link #kill()} or {@link #terminate()}). */
    void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("still running");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath(),
                ZeekAgentHubApplication.class.getName(),
                "--server.port=" + httpPort,
                "--spring.datasource.url=" + productionDatabaseUrl().replace("./data/", dir + "/"),
                "--hub.zeromq.xpub-endpoint=" + xpubEndpoint(),
                "--hub.zeromq.xsub-endpoint=" + xsubEndpoint(),
                "--hub.zeromq.linger=0ms",
                "--hub.websocket.port=0",
                "--hub.activity.file=" + dir.resolve("zeek-agent.log"),
                "--hub.spool.directory=" + dir.resolve("spool"),
                "--hub.security.admin-key=" + ADMIN_KEY,
                "--spring.main.banner-mode=off"));
        command.addAll(extraArgs);
        try {
            Path log = dir.resolve("hub-" + (++starts) + ".log");
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HubClient http = http();
        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    "hub exited with " + process.exitValue() + ":\n" + logTail());
                        }
                        return http.isUp();
                    });
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("hub did not start:\n" + logTail(), e);
        }
    }

    /** SIGKILL: the process dies at once, no shutdown hook, no flush. Waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: Spring's graceful shutdown runs. Waits until the process has exited and returns its exit code. */
    int terminate() {
        process.destroy();
        return waitForExit();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    HubClient http() {
        return new HubClient(httpPort, ADMIN_KEY);
    }

    String xpubEndpoint() {
        return "tcp://127.0.0.1:" + xpubPort;
    }

    String xsubEndpoint() {
        return "tcp://127.0.0.1:" + xsubPort;
    }

    /** The last lines the child printed (for failure messages). */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("hub-" + starts + ".log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    private int waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** The embedded default {@code spring.datasource.url}, so the campaign tests the settings users run with. */
    private static String productionDatabaseUrl() {
        Properties defaults = new Properties();
        try (InputStream in = ZeekAgentHubApplication.class.getResourceAsStream("/application.properties")) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return defaults.getProperty("spring.datasource.url");
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
