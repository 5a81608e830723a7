package io.zeekagent.hub.zeek;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Finds a Python 3 that can import pyzmq, for the libzmq peer tests; aborts (skips) the test when there is none. */
final class PythonZmq {

    private PythonZmq() {}

    static Path find() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import zmq")
                        .redirectErrorStream(true)
                        .start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return Path.of(candidate);
                }
            } catch (IOException e) {
                // not this one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Assumptions.abort(
                "libzmq Zeek-peer test skipped: no python3 with pyzmq (install the Debian package python3-zmq)");
        throw new IllegalStateException("unreachable");
    }
}
