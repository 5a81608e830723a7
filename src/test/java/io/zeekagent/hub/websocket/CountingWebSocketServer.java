package io.zeekagent.hub.websocket;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The baseline of {@link WebSocketIngestionBenchmark}: a bare Java-WebSocket server (the library the hub's server
 * is built on) on a free loopback port that only counts the text frames it receives.
 */
final class CountingWebSocketServer extends WebSocketServer {

    private final AtomicLong frames = new AtomicLong();

    CountingWebSocketServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    long frames() {
        return frames.get();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {}

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
        frames.incrementAndGet();
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        frames.incrementAndGet();
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {}
}
