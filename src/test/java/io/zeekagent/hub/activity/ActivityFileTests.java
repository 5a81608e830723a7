package io.zeekagent.hub.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link ActivityFile}. */
class ActivityFileTests {

    @TempDir
    Path dir;

    @Test
    void writesHeaderRecordsAndCloseFooter() throws IOException {
        Path path = dir.resolve("logs/zeek-agent.log");
        ActivityFile file = new ActivityFile(path);

        assertThat(file.open(Instant.ofEpochSecond(0))).isTrue();
        file.append(List.of(new ActivityRecord(Instant.ofEpochSecond(5), "host", "h1", "info", "connected")));
        file.close();

        List<String> lines = Files.readAllLines(path);
        assertThat(lines).first().isEqualTo("#separator \\x09");
        assertThat(lines).contains("#fields\tts\tsource\tpeer\tlevel\tmessage", "5.000000\thost\th1\tinfo\tconnected");
        assertThat(lines).last().asString().startsWith("#close\t");
    }

    @Test
    void rotatesTheFileOfAPreviousRunAside() throws IOException {
        Path path = dir.resolve("zeek-agent.log");
        Files.writeString(path, "old\n");

        new ActivityFile(path).open(Instant.parse("2026-11-30T01:02:03Z"));

        assertThat(dir.resolve("zeek-agent.2026-11-30-01-02-03.log")).hasContent("old");
        assertThat(Files.readString(path)).startsWith("#separator");
    }

    @Test
    void survivesAnUnwritablePath() throws IOException {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        ActivityFile file = new ActivityFile(blocker.resolve("zeek-agent.log"));

        assertThat(file.open(Instant.now())).isFalse();
        file.append(List.of(new ActivityRecord(Instant.now(), "local", null, "info", "still fine")));
        assertThat(file.isOpen()).isFalse();
    }
}
