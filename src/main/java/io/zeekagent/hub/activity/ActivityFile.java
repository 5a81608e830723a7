package io.zeekagent.hub.activity;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code zeek-agent.log} file. A file left by a previous run is rotated aside Zeek-style
 * ({@code zeek-agent.<open stamp>.log}); any I/O failure disables the file with one warning, because the
 * persisted entries remain the record and a bad path must not take the hub down.
 */
final class ActivityFile implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActivityFile.class);

    private final Path path;
    private @Nullable Writer writer;

    ActivityFile(Path path) {
        this.path = path;
    }

    /** Opens the file, rotating an existing one; returns whether the file is usable. */
    boolean open(Instant now) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.exists(path) && Files.size(path) > 0) {
                rotate(now);
            }
            writer = Files.newBufferedWriter(
                    path,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            writer.write(ZeekAsciiLog.header(now));
            writer.flush();
            return true;
        } catch (IOException | RuntimeException e) {
            disable(e);
            return false;
        }
    }

    /** Appends records and flushes, so {@code tail -f | zeek-cut} sees them at once. */
    void append(List<ActivityRecord> records) {
        Writer w = writer;
        if (w == null) {
            return;
        }
        try {
            for (ActivityRecord r : records) {
                w.write(ZeekAsciiLog.line(r.ts(), r.source(), r.peer(), r.level(), r.message()));
            }
            w.flush();
        } catch (IOException e) {
            disable(e);
        }
    }

    boolean isOpen() {
        return writer != null;
    }

    @Override
    public void close() {
        Writer w = writer;
        writer = null;
        if (w == null) {
            return;
        }
        try (w) {
            w.write(ZeekAsciiLog.footer(Instant.now()));
        } catch (IOException e) {
            log.debug("Closing {} failed", path, e);
        }
    }

    private void rotate(Instant now) throws IOException {
        String name = path.getFileName().toString();
        String base = name.endsWith(".log") ? name.substring(0, name.length() - 4) : name;
        Path target = path.resolveSibling(base + "." + ZeekAsciiLog.STAMP.format(now) + ".log");
        for (int i = 1; Files.exists(target); i++) {
            target = path.resolveSibling(base + "." + ZeekAsciiLog.STAMP.format(now) + "-" + i + ".log");
        }
        Files.move(path, target);
    }

    private void disable(Exception e) {
        log.warn(
                "Activity log file {} is not writable ({}); entries are still persisted and served by"
                        + " /api/v1/activity",
                path,
                e.toString());
        Writer w = writer;
        writer = null;
        if (w != null) {
            try {
                w.close();
            } catch (IOException ignored) {
                // already failing; the warning above says enough
            }
        }
    }
}
