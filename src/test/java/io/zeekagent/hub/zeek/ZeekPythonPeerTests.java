package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.zeromq.TestHub;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link ZeekRequestHandler} and {@link ZeekHello} against libzmq: a Zeek process played in Python on
 * pyzmq ({@code src/test/resources/zeek/zeek_peer.py}) asks the hub and checks the answer and the hello byte for
 * byte. Skipped with a message when no {@code python3} can {@code import zmq}.
 */
class ZeekPythonPeerTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void libzmqZeekPeerGetsItsAnswerAndTheHelloByteForByte() throws Exception {
        Path python = pythonWithZmq();
        try (TestHub hub = TestHub.start()) {
            InboxTracker inboxes = new InboxTracker();
            hub.channel().addSubscriptionListener(inboxes);
            ZeekMetrics metrics = new ZeekMetrics(new SimpleMeterRegistry(), inboxes);
            ZeekRequestHandler handler =
                    new ZeekRequestHandler(hub.channel(), request -> ZeekWireTests.ANSWER, inboxes, metrics);
            hub.channel().subscribeInline(ZeekTopics.REQUEST, handler::onRequestInline, handler::onRequest);
            ZeekHello hello = new ZeekHello(
                    hub.channel(),
                    metrics,
                    mock(ActivityLog.class),
                    new ZeekProperties(
                            true,
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(60),
                            false,
                            List.of(),
                            Duration.ofMinutes(10),
                            false),
                    "1.0.0");
            await().atMost(WAIT).until(hub.channel()::isReady);
            String helloHex = HexFormat.of()
                    .formatHex(EventCodec.BIN_V1.encode(
                            HubHello.event(hub.channel().nodeId(), "1.0.0", Duration.ofSeconds(5))));
            Path script = Files.createTempFile("zeek-peer", ".py");
            try (InputStream in = getClass().getResourceAsStream("/zeek/zeek_peer.py")) {
                Files.write(script, in.readAllBytes());
            }
            Process peer = new ProcessBuilder(
                            python.toString(),
                            script.toString(),
                            hub.xpubEndpoint(),
                            hub.xsubEndpoint(),
                            hub.channel().nodeId(),
                            ZeekWireTests.REQUEST_HEX.replace(" ", ""),
                            ZeekWireTests.RESPONSE_HEX.replace(" ", ""),
                            helloHex)
                    .redirectErrorStream(true)
                    .start();
            try {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                    hello.hello();
                    return !peer.isAlive();
                });
                String output = new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(peer.waitFor(5, TimeUnit.SECONDS)).isTrue();
                assertThat(peer.exitValue()).as(output).isZero();
                assertThat(output).contains("RESPONSE-OK").contains("HELLO-OK");
                assertThat(metrics.malformed.sum())
                        .as("the 3-byte payload is undecodable, a bridge drop")
                        .isZero();
                assertThat(hub.drops()).as("undecodable + 3 frames").isGreaterThanOrEqualTo(2);
                assertThat(metrics.answered()).isPositive();
            } finally {
                peer.destroyForcibly();
                Files.deleteIfExists(script);
            }
        }
    }

    /** The first Python 3 that can import pyzmq; aborts (skips) the test with a clear message when there is none. */
    private static Path pythonWithZmq() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            Optional<Path> found = probe(candidate);
            if (found.isPresent()) {
                return found.get();
            }
        }
        Assumptions.abort(
                "libzmq Zeek-peer test skipped: no python3 with pyzmq (install the Debian package python3-zmq)");
        throw new IllegalStateException("unreachable");
    }

    private static Optional<Path> probe(String candidate) {
        try {
            Process probe = new ProcessBuilder(candidate, "-c", "import zmq")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0
                    ? Optional.of(Path.of(candidate))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
