package io.zeekagent.hub.zeromq;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.ZMsg;

/**
 * The ZAP handler (RFC 27) of the embedded proxy's CURVE sockets, as Zeek's: it admits a connection only if the
 * mechanism is CURVE and the client's public key is one of the admitted keys ({@code 200}), and refuses everything else
 * ({@code 400}). Unlike Zeek's (user id {@code 0}), it answers the client's Z85 public key as the user id, which ZeroMQ
 * attaches to every message of that connection ({@code User-Id} metadata): so the hub knows which key sent an event.
 *
 * <p>It must be bound in the proxy's context before the proxy binds and stay bound until the proxy has closed: a
 * JeroMQ CURVE server without a ZAP handler admits any client that knows the server key. A handler that fails keeps
 * its socket, so pending handshakes then stall rather than pass.
 */
final class ZapHandler implements Runnable {

    static final String ENDPOINT = "inproc://zeromq.zap.01";
    /** The ZAP domain set on the proxy's sockets; ZeroMQ asks the handler only when one is set on older versions. */
    static final String DOMAIN = "zeek-agent-hub";

    private static final Logger log = LoggerFactory.getLogger(ZapHandler.class);
    private static final int POLL_MILLIS = 100;

    private final ZContext context;
    private final Set<String> admitted;
    private final CompletableFuture<Void> bound = new CompletableFuture<>();
    private final RateLimitedLog refusals = new RateLimitedLog(log, Duration.ofSeconds(10));
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean running = true;
    private @Nullable Thread thread;

    ZapHandler(ZContext context, Set<String> admittedClientKeys) {
        this.context = context;
        this.admitted = Set.copyOf(admittedClientKeys);
    }

    /**
     * With CURVE configured, starts a handler on its own thread and waits until it is bound: call it before the proxy
     * exists, and {@link #close} it only after the proxy has closed.
     */
    static @Nullable ZapHandler startIfConfigured(ZContext context, ZeromqProperties properties) {
        CurveProperties curve = properties.curve();
        if (!curve.serverEnabled()) {
            return null;
        }
        ZapHandler handler = new ZapHandler(context, curve.admittedClientKeys());
        Thread thread = new Thread(handler, "zeromq-zap");
        thread.setDaemon(true);
        handler.thread = thread;
        thread.start();
        handler.awaitBound(properties.startTimeout());
        log.info(
                "ZeroMQ CURVE on: server public key {}, {} client key(s) allowed",
                curve.serverPublicKey(),
                curve.admittedClientKeys().size());
        return handler;
    }

    /** Stops the handler and waits for its thread, at most {@code grace}. */
    void close(Duration grace) {
        stop();
        Thread running = thread;
        if (running == null) {
            return;
        }
        try {
            running.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the handler is bound, so that no CURVE handshake can happen without it. */
    void awaitBound(Duration timeout) {
        try {
            bound.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "ZAP handler could not bind: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("ZAP handler did not bind within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the ZAP handler was binding", e);
        }
    }

    void stop() {
        running = false;
    }

    /** Connections refused so far. */
    long refused() {
        return refused.get();
    }

    @Override
    public void run() {
        ZMQ.@Nullable Socket socket = null;
        try {
            socket = context.createSocket(SocketType.REP);
            socket.setLinger(0);
            socket.setReceiveTimeOut(POLL_MILLIS);
            socket.bind(ENDPOINT);
            bound.complete(null);
            while (running) {
                ZMsg request = ZMsg.recvMsg(socket);
                if (request != null) {
                    reply(socket, request);
                }
            }
        } catch (ZMQException e) {
            if (!bound.completeExceptionally(e) && running) {
                log.error("ZAP handler failed; new CURVE connections will stall until restart", e);
            }
        } catch (RuntimeException e) {
            if (!bound.completeExceptionally(e)) {
                log.error("ZAP handler failed; new CURVE connections will stall until restart", e);
            }
            // Keep the socket bound (see the class comment): do not fall through to close it.
            return;
        }
        if (socket != null) {
            context.destroySocket(socket);
        }
    }

    private void reply(ZMQ.Socket socket, ZMsg request) {
        // Request: version, request id, domain, address, routing id, mechanism, credentials...
        String version = request.popString();
        String requestId = request.popString();
        request.popString();
        String address = request.popString();
        request.popString();
        String mechanism = request.popString();
        byte[] clientKey = request.size() == 1 ? request.pop().getData() : new byte[0];
        String key = clientKey.length == ZMQ.Curve.KEY_SIZE ? ZMQ.Curve.z85Encode(clientKey) : "";
        boolean admit = "1.0".equals(version) && "CURVE".equals(mechanism) && admitted.contains(key);
        if (!admit) {
            refused.incrementAndGet();
            refusals.warn(
                    "Refused ZeroMQ {} client {} with public key '{}': not in hub.zeromq.curve.allowed-client-keys",
                    mechanism,
                    address,
                    key);
        }
        ZMsg response = new ZMsg();
        response.add("1.0");
        response.add(requestId == null ? "" : requestId);
        response.add(admit ? "200" : "400");
        response.add(admit ? "OK" : "client key not allowed");
        response.add(admit ? key : "");
        response.add(new byte[0]);
        response.send(socket);
    }
}
