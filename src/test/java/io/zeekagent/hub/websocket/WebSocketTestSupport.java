package io.zeekagent.hub.websocket;

import java.time.Duration;

/** Shared fixtures for the WebSocket tests. */
final class WebSocketTestSupport {

    private WebSocketTestSupport() {}

    /** Plain WebSocket on a free loopback port. */
    static WebSocketProperties properties(int maxMessageBytes, int sendQueueLimit) {
        return new WebSocketProperties(
                true,
                "127.0.0.1",
                0,
                maxMessageBytes,
                sendQueueLimit,
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                new WebSocketProperties.Tls(null, "", "PKCS12"));
    }
}
