package io.zeekagent.hub.zeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Tests for the proxy's ZMTP heartbeats: a peer that subscribed and then went silent without closing its connection
 * (a frozen or unplugged agent) loses its subscriptions.
 */
class DeadPeerTests {

    @Test
    void withdrawsTheSubscriptionsOfAPeerThatStopsAnsweringHeartbeats() throws IOException {
        ZeromqBridge hub = TestBridges.embeddedHub("heartbeat-interval", "200ms", "heartbeat-timeout", "600ms");
        List<String> changes = new CopyOnWriteArrayList<>();
        hub.addSubscriptionListener((topic, subscribed) -> changes.add((subscribed ? "+" : "-") + topic));
        URI xpub = URI.create(hub.proxyEndpoints().orElseThrow().xpub());
        try (Socket frozen = new Socket(xpub.getHost(), xpub.getPort())) {
            // A hand-written ZMTP 3.0 XSUB that subscribes and then never reads or writes again. It waits for each
            // step of the server's greeting, as real peers do; ZeroMQ rejects a greeting sent all at once.
            frozen.setSoTimeout(5000);
            frozen.getInputStream().readNBytes(10);
            frozen.getOutputStream().write(greeting());
            frozen.getInputStream().readNBytes(54);
            frozen.getOutputStream().write(readyAndSubscribe("/zeek/zeek-agent/host/frozen"));
            frozen.getOutputStream().flush();

            await().atMost(Duration.ofSeconds(10)).until(() -> changes.contains("+/zeek/zeek-agent/host/frozen"));
            await().atMost(Duration.ofSeconds(10)).until(() -> changes.contains("-/zeek/zeek-agent/host/frozen"));
            assertThat(frozen.isClosed()).isFalse();
        } finally {
            hub.stop();
        }
    }

    private static byte[] greeting() {
        byte[] greeting = new byte[64];
        greeting[0] = (byte) 0xFF;
        greeting[9] = 0x7F;
        greeting[10] = 3;
        byte[] mechanism = "NULL".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mechanism, 0, greeting, 12, mechanism.length);
        return greeting;
    }

    private static byte[] readyAndSubscribe(String topic) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream ready = new ByteArrayOutputStream();
        ready.write(5);
        ready.writeBytes("READY".getBytes(StandardCharsets.US_ASCII));
        ready.write(11);
        ready.writeBytes("Socket-Type".getBytes(StandardCharsets.US_ASCII));
        ready.writeBytes(new byte[] {0, 0, 0, 4});
        ready.writeBytes("XSUB".getBytes(StandardCharsets.US_ASCII));
        out.write(0x04);
        out.write(ready.size());
        out.writeBytes(ready.toByteArray());
        byte[] subscribe = Sockets.subscribeFrame(topic);
        out.write(0x00);
        out.write(subscribe.length);
        out.writeBytes(subscribe);
        return out.toByteArray();
    }
}
