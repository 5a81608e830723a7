package io.zeekagent.hub.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts and stops the WebSocket server with the application context: bound before the context reports ready,
 * closed (connections with 1001 "going away") on shutdown, and restartable; port 0 binds a free port that
 * {@link #port()} then reports.
 */
public final class WebSocketServerLifecycle implements SmartLifecycle {

    /** Before the web server's graceful shutdown phases end, so agents are told the hub goes away first. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(WebSocketServerLifecycle.class);

    private final WebSocketProperties properties;
    private final WebSocketHub hub;
    private volatile @Nullable HubWebSocketServer server;
    private volatile int port = -1;

    WebSocketServerLifecycle(WebSocketProperties properties, WebSocketHub hub) {
        this.properties = properties;
        this.hub = hub;
    }

    /** The port the server listens on, or -1 when it is not running. */
    public int port() {
        return port;
    }

    /** Whether connections are TLS ({@code wss://}). */
    public boolean tls() {
        return properties.tls().enabled();
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        HubWebSocketServer created = new HubWebSocketServer(
                new InetSocketAddress(properties.bindAddress(), properties.port()), properties.maxMessageBytes(), hub);
        if (properties.tls().enabled()) {
            created.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(sslContext(properties.tls())));
        }
        created.start();
        try {
            port = created.started().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stopQuietly(created);
            throw new IllegalStateException("WebSocket server could not listen on port " + properties.port(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(created);
            throw new IllegalStateException("interrupted while starting the WebSocket server", e);
        }
        server = created;
        log.info(
                "Zeek Agent v2 WebSocket API on {}://{}:{}{}",
                tls() ? "wss" : "ws",
                properties.bindAddress(),
                port,
                WebSocketHub.PATH);
    }

    @Override
    public synchronized void stop() {
        HubWebSocketServer running = server;
        if (running != null) {
            stopQuietly(running);
            server = null;
            port = -1;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    private static void stopQuietly(HubWebSocketServer running) {
        try {
            running.stop(2000, "hub shutting down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SSLContext sslContext(WebSocketProperties.Tls tls) {
        char[] password = tls.keystorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(String.valueOf(tls.keystore())))) {
            KeyStore keyStore = KeyStore.getInstance(tls.keystoreType());
            keyStore.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load WebSocket TLS keystore " + tls.keystore(), e);
        }
    }
}
