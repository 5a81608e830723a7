package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package as zkg installs it (issue 15: {@code zkg install <clone of this repo>}, then {@code @load
 * zeek-agent-hub}): zkg reads {@code zkg.meta}, copies {@code script_dir} under the package's name and loads it from
 * its {@code packages.zeek}. Needs zkg (Debian package {@code zkg}; {@code .ci/run} installs it) and a git checkout,
 * not Zeek: the tests that need Zeek are {@link ZeekScriptsTests}. zkg installs what is committed, so this checks the
 * committed {@code zkg.meta} and scripts.
 */
class ZkgInstallTests {

    @TempDir
    Path dir;

    @Test
    void zkgInstallsAClonedCheckoutAsZeekAgentHubAndLoadsIt() throws Exception {
        Path zkg = List.of("/usr/bin/zkg", "/usr/local/bin/zkg").stream()
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        assumeTrue(zkg != null, "zkg not installed (Debian package zkg)");
        assumeTrue(Files.exists(Path.of(".git")), "not a git checkout: zkg installs packages from git repositories");
        // zkg names a package after its repository: a clone named as the repository is, whatever this checkout's name.
        Path clone = dir.resolve("zeek-agent-hub");
        run(dir, "git", "clone", "-q", Path.of("").toAbsolutePath().toString(), clone.toString());
        Path scripts = dir.resolve("scripts");
        Path config = dir.resolve("zkg.conf");
        Files.writeString(
                config,
                "[sources]\n[paths]\nstate_dir = " + dir.resolve("state") + "\nscript_dir = " + scripts
                        + "\nplugin_dir = " + dir.resolve("plugins") + "\nzeek_dist =\n");

        // --skiptests: the package's tests are btests that need Zeek (ZeekScriptsTests runs them where it is).
        String output = run(
                dir,
                zkg.toString(),
                "--configfile",
                config.toString(),
                "install",
                "--force",
                "--skiptests",
                clone.toString());

        assertThat(output).contains("Installed").contains("Loaded");
        assertThat(Files.readString(scripts.resolve("packages").resolve("packages.zeek")))
                .contains("@load ./zeek-agent-hub");
        Path installed = scripts.resolve("zeek-agent-hub");
        assertThat(Files.readString(installed.resolve("__load__.zeek")))
                .isEqualTo(Files.readString(Path.of("zeek", "scripts", "__load__.zeek")));
        assertThat(installed.resolve("main.zeek")).exists();
        assertThat(installed.resolve("compat")).isDirectory();
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
