package io.zeekagent.hub.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own ({@code initdb} into a temporary directory, {@code pg_ctl} on a free port),
 * so that a test can stop and start it without touching the machine's shared server on 5432. PostgreSQL refuses to
 * run as root, so as root every command runs as the {@code postgres} user through {@code runuser}.
 */
final class PrivatePostgres implements AutoCloseable {

    private static final Path INSTALLS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path dir;
    private final int port;

    private PrivatePostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** Why this machine cannot run a private server, or empty when it can. */
    static Optional<String> unavailableReason() {
        if (binaries().isEmpty()) {
            return Optional.of("no PostgreSQL server binaries (initdb, pg_ctl) under " + INSTALLS);
        }
        if (isRoot()
                && !Files.isExecutable(Path.of("/usr/sbin/runuser"))
                && !Files.isExecutable(Path.of("/sbin/runuser"))) {
            return Optional.of("running as root without runuser: PostgreSQL refuses to run as root");
        }
        return Optional.empty();
    }

    /** For {@code @EnabledIf}: true when {@link #unavailableReason()} is empty. */
    static boolean canRun() {
        return unavailableReason().isEmpty();
    }

    /** Creates a cluster in a fresh temporary directory and starts it. */
    static PrivatePostgres start() {
        try {
            Path dir = Files.createTempDirectory("hub-private-pg-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            PrivatePostgres pg = new PrivatePostgres(binaries().orElseThrow(), dir, HubPorts.free());
            pg.run(
                    pg.bin.resolve("initdb").toString(),
                    "-D",
                    pg.data(),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--no-sync");
            pg.startServer();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server (again) and waits until it accepts connections. */
    void startServer() {
        run(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data(),
                "-l",
                dir.resolve("postgres.log").toString(),
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "-w",
                "start");
    }

    /** Stops the server the way an operator does ({@code -m fast}: sessions are cut, nothing hangs). */
    void stopServer() {
        run(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "stop");
    }

    @Override
    public void close() {
        try {
            run(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException e) {
            // Already stopped.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory; the OS cleans it eventually.
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void run(String... command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!done) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + full + "\n" + out);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("failed (" + p.exitValue() + "): " + full + "\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> binaries() {
        if (!Files.isDirectory(INSTALLS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLS)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
