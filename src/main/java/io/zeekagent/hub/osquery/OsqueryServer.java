package io.zeekagent.hub.osquery;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The osquery TLS listener: the JDK's own HTTPS server ({@code com.sun.net.httpserver}) on its own port, TLS 1.2 and
 * 1.3 with ECDHE and AES-GCM only, requests run by a bounded pool. When the pool and its queue are full, requests
 * go to a single shedding thread that answers 503 with a JSON error at once (osquery keeps what it sent and backs
 * off), so overload never leaves a connection without an answer. Started and stopped with the context.
 */
public final class OsqueryServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OsqueryServer.class);
    private static final ThreadLocal<Boolean> SHEDDING = ThreadLocal.withInitial(() -> false);

    private final OsqueryProperties properties;
    private final OsqueryHttpHandler handler;
    private volatile @Nullable HttpsServer server;
    private @Nullable ThreadPoolExecutor workers;
    private @Nullable ThreadPoolExecutor shedder;
    private volatile int port = -1;

    OsqueryServer(OsqueryProperties properties, OsqueryHttpHandler handler) {
        this.properties = properties;
        this.handler = handler;
    }

    /** Whether the current thread answers requests only with 503 (the pool was full). */
    static boolean isShedding() {
        return SHEDDING.get();
    }

    /** The port listened on, or -1 when not running. */
    public int port() {
        return port;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        SSLContext ssl = sslContext(properties.tls());
        HttpsServer created;
        try {
            created = HttpsServer.create(new InetSocketAddress(properties.bindAddress(), properties.port()), 1024);
        } catch (IOException e) {
            throw new IllegalStateException("osquery TLS API could not listen on port " + properties.port(), e);
        }
        created.setHttpsConfigurator(new HttpsConfigurator(ssl) {
            @Override
            public void configure(HttpsParameters params) {
                params.setSSLParameters(parameters(ssl));
            }
        });
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor shed = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(4096),
                r -> daemon(
                        () -> {
                            SHEDDING.set(true);
                            r.run();
                        },
                        "osquery-shed"),
                new ThreadPoolExecutor.DiscardPolicy());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                properties.threads(),
                properties.threads(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()),
                r -> daemon(r, "osquery-" + n.incrementAndGet()),
                (r, executor) -> shed.execute(r));
        created.setExecutor(pool);
        created.createContext(OsqueryHttpHandler.PREFIX + "/", handler);
        created.createContext(OsqueryHttpHandler.V1_PREFIX + "/", handler);
        created.start();
        workers = pool;
        shedder = shed;
        port = created.getAddress().getPort();
        server = created;
        log.info(
                "osquery TLS remote API on https://{}:{}{}/",
                properties.bindAddress(),
                port,
                OsqueryHttpHandler.PREFIX);
    }

    @Override
    public synchronized void stop() {
        HttpsServer running = server;
        if (running != null) {
            running.stop(1);
            server = null;
            port = -1;
        }
        if (workers != null) {
            workers.shutdownNow();
            workers = null;
        }
        if (shedder != null) {
            shedder.shutdownNow();
            shedder = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    /**
     * TLS 1.3 and 1.2; for 1.2 only ECDHE key exchange with AES-GCM, as current osquery requires. The server picks,
     * AES-128 before AES-256 (OpenSSL clients such as osquery offer AES-256 first): 10 AES rounds per block instead
     * of 14 on every log byte, with the same GHASH, and no less safe for this use.
     */
    static SSLParameters parameters(SSLContext ssl) {
        SSLParameters p = ssl.getDefaultSSLParameters();
        p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        p.setCipherSuites(Arrays.stream(ssl.getSupportedSSLParameters().getCipherSuites())
                .filter(OsqueryServer::allowed)
                .sorted(Comparator.comparingInt(OsqueryServer::preference))
                .toArray(String[]::new));
        p.setUseCipherSuitesOrder(true);
        p.setNeedClientAuth(false);
        return p;
    }

    /** Lower first: TLS 1.3 before 1.2, AES-128 before AES-256, ECDSA before RSA (as the JDK orders them). */
    static int preference(String suite) {
        return (suite.startsWith("TLS_ECDHE_") ? 2 : 0) + (suite.contains("AES_128") ? 0 : 1);
    }

    static boolean allowed(String suite) {
        if (suite.equals("TLS_AES_128_GCM_SHA256") || suite.equals("TLS_AES_256_GCM_SHA384")) {
            return true;
        }
        return suite.startsWith("TLS_ECDHE_") && suite.contains("_WITH_AES_") && suite.contains("_GCM_");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static SSLContext sslContext(OsqueryProperties.Tls tls) {
        if (tls.keystore() == null || tls.keystore().isBlank()) {
            throw new IllegalStateException("hub.osquery.enabled=true needs hub.osquery.tls.keystore: osquery only"
                    + " speaks HTTPS (see docs/osquery.md)");
        }
        char[] password = tls.keystorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(tls.keystore()))) {
            KeyStore keyStore = KeyStore.getInstance(tls.keystoreType());
            keyStore.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load osquery TLS keystore " + tls.keystore(), e);
        }
    }
}
