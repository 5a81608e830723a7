package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Zeek package's scripts against a real Zeek: they parse, and the package's own btests pass when btest is
 * installed. Disabled, with a message, where no {@code zeek} is on {@code PATH} (or in {@code $ZEEK}).
 */
@EnabledIf(value = "io.zeekagent.hub.zeek.ZeekBinary#available", disabledReason = ZeekBinary.ABSENT)
class ZeekScriptsTests {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void packageParsesBareAndWithTheDefaultScripts() throws Exception {
        ZeekBinary.Run bare = ZeekBinary.run(dir, LIMIT, "--parse-only", "-b", ZeekBinary.PACKAGE + "/main.zeek");
        assertThat(bare.exitCode()).as(bare.output()).isZero();

        ZeekBinary.Run full = ZeekBinary.run(dir, LIMIT, "--parse-only", ZeekBinary.PACKAGE.toString());
        assertThat(full.exitCode()).as(full.output()).isZero();
        assertThat(full.output()).doesNotContain("error");
    }

    @Test
    void compatParsesAndStopsZeekNextToTheFrameworkItReplaces() throws Exception {
        ZeekBinary.Run compat = ZeekBinary.run(
                dir, LIMIT, "--parse-only", ZeekBinary.PACKAGE.resolve("compat").toString());
        assertThat(compat.exitCode()).as(compat.output()).isZero();

        // A stand-in for the framework: one of the names it defines is enough for the check to fire.
        Files.writeString(dir.resolve("seed.zeek"), "module ZeekAgent; export { const Zeek_ID_Topic = \"x\"; }\n");
        ZeekBinary.Run both = ZeekBinary.run(
                dir, LIMIT, "seed.zeek", ZeekBinary.PACKAGE.resolve("compat").toString());
        assertThat(both.exitCode()).isNotZero();
        assertThat(both.output()).contains("cannot be loaded together with the zeek-agent framework");
    }

    @Test
    void packageBtestsPassWhenBtestIsInstalled() throws Exception {
        Path btest = List.of("/usr/bin/btest", "/usr/local/bin/btest").stream()
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(btest != null, "btest not installed (Debian package btest)");
        ProcessBuilder builder = new ProcessBuilder(btest.toString(), "-d")
                .directory(Path.of("zeek", "tests").toFile())
                .redirectErrorStream(true);
        Path zeekDir = ZeekBinary.find().orElseThrow().getParent();
        builder.environment().merge("PATH", zeekDir.toString(), (path, zeek) -> zeek + ":" + path);
        Process run = builder.start();
        assertThat(run.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String output = new String(run.getInputStream().readAllBytes());
        assertThat(run.exitValue()).as(output).isZero();
    }
}
