package io.zeekagent.hub.zeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link ZeromqBridge} against an independent ZeroMQ implementation: a Zeek-style node in Python on libzmq
 * ({@code src/test/resources/zeromq/peer.py}) exchanges broker-bin-v1 events with the hub through the embedded proxy.
 */
class PythonPeerInteropTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** {@code Cluster::hello("java-1", "java_node_1")}, from {@code zeek-zeromq-frames-example.txt}. */
    private static final String HELLO_HEX = "0e03" + "020000000000000001" + "020000000000000001"
            + "0e02050e436c75737465723a3a68656c6c6f" + "0e0205066a6176612d31050b6a6176615f6e6f64655f31";

    private static final ZeekEvent HELLO =
            ZeekEvent.of("Cluster::hello", BrokerValue.string("java-1"), BrokerValue.string("java_node_1"));

    @Test
    void exchangesBrokerEventsWithALibzmqPeerByteForByte() throws Exception {
        Path python = pythonWithZmq()
                .orElseThrow(() -> new AssertionError("unreachable: pythonWithZmq aborts the test when absent"));
        ZeromqBridge hub = TestBridges.embeddedHub("heartbeat-interval", "250ms", "heartbeat-timeout", "1500ms");
        List<InboundEvent> received = new CopyOnWriteArrayList<>();
        List<String> changes = new CopyOnWriteArrayList<>();
        hub.addSubscriptionListener((topic, subscribed) -> changes.add((subscribed ? "+" : "-") + topic));
        List<Boolean> peerStillSubscribed = new CopyOnWriteArrayList<>();
        hub.subscribe("/zeek/zeek-agent/zeek/", event -> {
            // Listeners and handlers share the dispatch thread, so a heartbeat disconnect would already show here.
            peerStillSubscribed.add(!changes.contains("-/zeek/zeek-agent/hosts"));
            received.add(event);
        });
        StringBuffer output = new StringBuffer();
        Process peer = null;
        try {
            await().atMost(WAIT).until(hub::isReady);
            ProxyEndpoints endpoints = hub.proxyEndpoints().orElseThrow();
            Path script = Files.createTempFile("zeromq-peer", ".py");
            try (InputStream in = getClass().getResourceAsStream("/zeromq/peer.py")) {
                Files.write(script, in.readAllBytes());
            }
            peer = new ProcessBuilder(
                            python.toString(),
                            script.toString(),
                            endpoints.xpub(),
                            endpoints.xsub(),
                            hub.nodeId(),
                            HELLO_HEX)
                    .redirectErrorStream(true)
                    .start();
            Process running = peer;
            Thread reader = new Thread(() -> copy(running.getInputStream(), output));
            reader.start();

            assertThat(hub.awaitSubscriber("/zeek/zeek-agent/hosts", WAIT))
                    .as(output::toString)
                    .isTrue();
            hub.publish("/zeek/zeek-agent/hosts", HELLO);

            await().atMost(WAIT).until(() -> received.size() == 2 || !running.isAlive());
            assertThat(running.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            reader.join(WAIT.toMillis());
            assertThat(running.exitValue()).as(output::toString).isZero();
            assertThat(output.toString()).contains("RECEIVED-OK");
            assertThat(received)
                    .hasSize(2)
                    .allSatisfy(event -> assertThat(event)
                            .isEqualTo(new InboundEvent(
                                    "/zeek/zeek-agent/zeek/ZeekMaster", "zeromq_python_peer", HELLO, null)));
            assertThat(peerStillSubscribed).containsExactly(true, true);
            assertThat(hub.stats().drops(DropReason.FRAME_COUNT)).isEqualTo(1);
            assertThat(changes).contains("+/zeek/zeek-agent/hosts");
            await().atMost(WAIT).until(() -> changes.contains("-/zeek/zeek-agent/hosts"));
            assertThat(changes.indexOf("-/zeek/zeek-agent/hosts"))
                    .isGreaterThan(changes.indexOf("+/zeek/zeek-agent/hosts"));
        } finally {
            if (peer != null) {
                peer.destroyForcibly();
            }
            hub.stop();
        }
    }

    /** The first Python 3 that can import pyzmq; aborts (skips) the test with a clear message when there is none. */
    private static Optional<Path> pythonWithZmq() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import zmq")
                        .redirectErrorStream(true)
                        .start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return Optional.of(Path.of(candidate));
                }
            } catch (IOException e) {
                // Not installed under this name; try the next one.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Assumptions.abort(
                "libzmq interop test skipped: no python3 with pyzmq (install the Debian package python3-zmq)");
        return Optional.empty();
    }

    private static void copy(InputStream in, StringBuffer out) {
        try {
            out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            out.append("(output unreadable: ").append(e).append(')');
        }
    }
}
