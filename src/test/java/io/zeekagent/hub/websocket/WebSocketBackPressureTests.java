package io.zeekagent.hub.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for the bounded send path of {@link WebSocketHub}: a client that never reads cannot stall the hub. */
class WebSocketBackPressureTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private WebSocketHub hub;
    private WebSocketServerLifecycle server;

    @BeforeEach
    void start() {
        hub = new WebSocketHub("test", "1", 16, new WebSocketMetrics(registry));
        server = new WebSocketServerLifecycle(WebSocketTestSupport.properties(1 << 20, 16), hub);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void closesAClientThatNeverReadsInsteadOfBufferingWithoutBound() throws Exception {
        try (Socket stalled = new Socket("127.0.0.1", server.port())) {
            stalled.setReceiveBufferSize(4096);
            handshakeWithoutReading(stalled);
            await().until(() -> hub.peers().stream().anyMatch(WebSocketPeer::handshaken));

            String big = "{\"type\":\"data-message\",\"topic\":\"/t/x\",\"@data-type\":\"string\",\"data\":\""
                    + "x".repeat(64 * 1024) + "\"}";
            long started = System.nanoTime();
            for (int i = 0; i < 2000 && hub.connections() == 1; i++) {
                hub.publish("/t/x", big);
            }

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            await().until(() -> hub.connections() == 0);
            assertThat(registry.get("hub.websocket.drops")
                            .tag("reason", "slow-reader")
                            .counter()
                            .count())
                    .isGreaterThanOrEqualTo(1.0);
            WebSocketTestClient healthy =
                    WebSocketTestClient.connect("ws://127.0.0.1:" + server.port() + WebSocketHub.PATH);
            healthy.send("[\"/t/\"]");
            assertThat(healthy.next()).contains("ack");
            hub.publish("/t/x", big);
            assertThat(healthy.next()).contains("/t/x");
        }
    }

    /** Performs the HTTP upgrade and sends the subscription frame, then reads nothing more. */
    private static void handshakeWithoutReading(Socket socket) throws Exception {
        OutputStream out = socket.getOutputStream();
        String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        out.write(("GET " + WebSocketHub.PATH + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String response = "";
        while (!response.endsWith("\r\n\r\n")) {
            response += (char) in.read();
        }
        assertThat(response).startsWith("HTTP/1.1 101");
        byte[] payload = "[\"/t/\"]".getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = payload[i];
        }
        out.write(frame);
        out.flush();
    }
}
