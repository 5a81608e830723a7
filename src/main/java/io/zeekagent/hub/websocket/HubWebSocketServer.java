package io.zeekagent.hub.websocket;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket-level server (Java-WebSocket): one selector thread plus decoder workers, RFC 6455 only, frames and
 * fragmented messages above the size limit refused with 1009. Everything protocol-related is delegated to the
 * {@link WebSocketHub}; one instance runs once, a restart builds a new one.
 */
final class HubWebSocketServer extends WebSocketServer {

    private static final Logger log = LoggerFactory.getLogger(HubWebSocketServer.class);

    private final WebSocketHub hub;
    private final CompletableFuture<Integer> started = new CompletableFuture<>();

    HubWebSocketServer(InetSocketAddress address, int maxMessageBytes, WebSocketHub hub) {
        super(address, decoders(), List.of(new Draft_6455(List.of(), maxMessageBytes)));
        this.hub = hub;
        setReuseAddr(true);
        setTcpNoDelay(true);
        setDaemon(true);
        setConnectionLostTimeout(60);
    }

    /** Completes with the bound port once listening, or exceptionally if binding failed. */
    CompletableFuture<Integer> started() {
        return started;
    }

    @Override
    public void onStart() {
        started.complete(getPort());
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        hub.opened(connection, handshake.getResourceDescriptor());
    }

    @Override
    public void onMessage(WebSocket connection, String message) {
        hub.text(connection, message);
    }

    @Override
    public void onMessage(WebSocket connection, ByteBuffer message) {
        hub.binary(connection);
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        hub.closed(connection);
    }

    @Override
    public void onError(@Nullable WebSocket connection, Exception error) {
        if (connection == null) {
            started.completeExceptionally(error);
            log.error("WebSocket server failed", error);
        } else {
            log.debug("WebSocket {} failed: {}", connection.getRemoteSocketAddress(), error.toString());
        }
    }

    private static int decoders() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }
}
