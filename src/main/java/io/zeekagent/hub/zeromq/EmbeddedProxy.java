package io.zeekagent.hub.zeromq;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import zmq.Msg;

/**
 * The cluster's central XSUB/XPUB proxy, as Zeek's manager runs it: events flow from the XSUB (publishers connect) to
 * the XPUB (subscribers connect), subscriptions the other way, on this one thread.
 *
 * <p>Unlike Zeek's proxy, the XPUB does <em>not</em> set NODROP: libzmq's and JeroMQ's proxies send blocking, so with
 * NODROP one subscriber that stops reading would stall the whole cluster. Without it a full subscriber pipe loses
 * that subscriber's messages only. The XPUB is VERBOSER so every subscribe and unsubscribe reaches the publishers.
 */
final class EmbeddedProxy implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedProxy.class);
    private static final int BATCH = 1024;

    private final ZContext context;
    private final ZeromqProperties properties;
    private final BridgeStats stats;
    private final String name;
    private final CompletableFuture<ProxyEndpoints> bound = new CompletableFuture<>();
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running = true;

    EmbeddedProxy(ZContext context, ZeromqProperties properties, BridgeStats stats, String name) {
        this.context = context;
        this.properties = properties;
        this.stats = stats;
        this.name = name;
    }

    /** Waits for both sockets to bind; rethrows a bind failure (address in use, bad endpoint). */
    ProxyEndpoints awaitBound(Duration timeout) {
        try {
            return bound.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "ZeroMQ proxy could not bind: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("ZeroMQ proxy did not bind within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the ZeroMQ proxy was binding", e);
        }
    }

    /** Asks the proxy thread to close its sockets and end. */
    void stop() {
        running = false;
        wakeup.wake();
    }

    @Override
    public void run() {
        ZMQ.@Nullable Socket xpub = null;
        ZMQ.@Nullable Socket xsub = null;
        try {
            xpub = context.createSocket(SocketType.XPUB);
            Sockets.configure(xpub, properties);
            xpub.setXpubVerboser(true);
            xpub.setXpubNoDrop(false);
            xpub.setSndHWM(properties.proxyHwm());
            xpub.setRcvHWM(properties.proxyHwm());
            xsub = context.createSocket(SocketType.XSUB);
            Sockets.configure(xsub, properties);
            xsub.setSndHWM(properties.proxyHwm());
            xsub.setRcvHWM(properties.proxyHwm());
            ProxyEndpoints endpoints = new ProxyEndpoints(
                    bind(xpub, properties.xpubEndpoint()),
                    bind(xsub, properties.xsubEndpoint()),
                    bind(xpub, "inproc://" + name + "-xpub"),
                    bind(xsub, "inproc://" + name + "-xsub"));
            bound.complete(endpoints);
            forwardUntilStopped(xpub, xsub);
        } catch (RuntimeException e) {
            if (!bound.completeExceptionally(e)) {
                log.error("ZeroMQ proxy failed", e);
            }
        } finally {
            destroy(xpub);
            destroy(xsub);
            wakeup.close();
        }
    }

    private void forwardUntilStopped(ZMQ.Socket xpub, ZMQ.Socket xsub) {
        ZMQ.Poller poller = context.createPoller(3);
        try {
            int events = poller.register(xsub, ZMQ.Poller.POLLIN);
            int subscriptions = poller.register(xpub, ZMQ.Poller.POLLIN);
            int wake = poller.register(wakeup.channel(), ZMQ.Poller.POLLIN);
            while (running) {
                wakeup.sleeping();
                if (running) {
                    poller.poll(-1);
                }
                wakeup.awake();
                if (poller.pollin(wake)) {
                    wakeup.drain();
                }
                if (poller.pollin(events)) {
                    stats.proxyEvents.add(forward(xsub, xpub));
                }
                if (poller.pollin(subscriptions)) {
                    stats.proxySubscriptions.add(forward(xpub, xsub));
                }
            }
        } finally {
            poller.close();
        }
    }

    /** Moves up to a batch of whole messages without copying them; never blocks (see the class comment). */
    private static int forward(ZMQ.Socket from, ZMQ.Socket to) {
        int messages = 0;
        while (messages < BATCH) {
            Msg part = from.recvMsg(ZMQ.DONTWAIT);
            if (part == null) {
                break;
            }
            boolean more = part.hasMore();
            to.sendMsg(part, more ? ZMQ.SNDMORE : 0);
            if (!more) {
                messages++;
            }
        }
        return messages;
    }

    private static String bind(ZMQ.Socket socket, String endpoint) {
        socket.bind(endpoint);
        return socket.getLastEndpoint();
    }

    private void destroy(ZMQ.@Nullable Socket socket) {
        if (socket != null) {
            context.destroySocket(socket);
        }
    }
}
