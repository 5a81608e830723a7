package io.zeekagent.hub.zeek;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds a {@code zeek} binary ({@code $ZEEK}, else {@code zeek} on {@code PATH}) and runs it with a time limit, for
 * the tests that need a real Zeek; CI has none, and those tests are disabled with a message saying so.
 */
final class ZeekBinary {

    /** Why the Zeek tests do not run here. */
    static final String ABSENT = "no zeek binary: set ZEEK or put zeek on PATH to run the Zeek package tests";

    /** The package's script directory in this checkout, under the name zkg installs it as. */
    static final Path PACKAGE = Path.of("zeek", "zeek-agent-hub").toAbsolutePath();

    private ZeekBinary() {}

    static Optional<Path> find() {
        String configured = System.getenv("ZEEK");
        if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "zeek");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** For {@code @EnabledIf}. */
    static boolean available() {
        return find().isPresent();
    }

    /** The outcome of one run: exit status and everything it printed. */
    record Run(int exitCode, String output) {}

    /** Runs zeek with {@code args} in {@code dir}; kills it after {@code limit}. */
    static Run run(Path dir, Duration limit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(find().orElseThrow(() -> new IllegalStateException(ABSENT)).toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "zeek", ".out");
        Process zeek = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!zeek.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                zeek.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Run(-1, "timed out after " + limit + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Run(zeek.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            zeek.destroyForcibly();
        }
    }
}
