package io.zeekagent.hub.websocket;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.jspecify.annotations.Nullable;

/** A plain WebSocket client for tests: records every text message and the close code. */
final class WebSocketTestClient extends WebSocketClient {

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private volatile int closeCode = -1;

    WebSocketTestClient(URI uri) {
        super(uri);
    }

    static WebSocketTestClient connect(String uri) throws InterruptedException {
        return connect(uri, null);
    }

    static WebSocketTestClient connect(String uri, @Nullable SSLContext tls) throws InterruptedException {
        WebSocketTestClient client = new WebSocketTestClient(URI.create(uri));
        if (tls != null) {
            client.setSocketFactory(tls.getSocketFactory());
        }
        if (!client.connectBlocking(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not connect to " + uri);
        }
        return client;
    }

    /**
     * Connects to a server that may answer and close at once (a refused path): whether the client still counts as
     * open when the handshake returns is then a race, so only what was received and the close code are asserted.
     */
    static WebSocketTestClient connectExpectingClose(String uri) throws InterruptedException {
        WebSocketTestClient client = new WebSocketTestClient(URI.create(uri));
        client.connectBlocking(5, TimeUnit.SECONDS);
        return client;
    }

    /** The next message, failing the test if none arrives within five seconds. */
    String next() throws InterruptedException {
        return next(Duration.ofSeconds(5));
    }

    String next(Duration timeout) throws InterruptedException {
        String message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + timeout);
        }
        return message;
    }

    @Nullable
    String poll(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int closeCode() {
        return closeCode;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {}

    @Override
    public void onMessage(String message) {
        messages.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeCode = code;
    }

    @Override
    public void onError(Exception error) {}
}
