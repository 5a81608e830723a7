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
 * the XPUB (subscribers connect), subscriptions the other way, on this one thread, which also plays the hub's own node
 * ({@link HubNode}) on the same two sockets: it takes the events whose topic the hub subscribes to, sends the hub's
 * subscriptions through the XSUB and its publications straight out of the XPUB, and tells the hub every subscription
 * change of the cluster. So nothing crosses a thread between a peer's socket and the dispatcher.
 *
 * <p>Unlike Zeek's proxy, the XPUB does <em>not</em> set NODROP: libzmq's and JeroMQ's proxies send blocking, so with
 * NODROP one subscriber that stops reading would stall the whole cluster. Without it a full subscriber pipe loses
 * that subscriber's messages only — the hub's publications included. The XPUB is VERBOSER so every subscribe and
 * unsubscribe reaches the publishers.
 */
final class EmbeddedProxy implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedProxy.class);

    private final ZContext context;
    private final ZeromqProperties properties;
    private final BridgeStats stats;
    private final HubNode node;
    private final ProxySubscriptions subscriptions = new ProxySubscriptions();
    private final CompletableFuture<ProxyEndpoints> bound = new CompletableFuture<>();

    EmbeddedProxy(ZContext context, ZeromqProperties properties, BridgeStats stats, HubNode node) {
        this.context = context;
        this.properties = properties;
        this.stats = stats;
        this.node = node;
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

    @Override
    public void run() {
        ZMQ.@Nullable Socket xpub = null;
        ZMQ.@Nullable Socket xsub = null;
        try {
            xpub = context.createSocket(SocketType.XPUB);
            Sockets.configure(xpub, properties);
            CurveSockets.server(xpub, properties.curve());
            xpub.setXpubVerboser(true);
            xpub.setXpubNoDrop(false);
            xpub.setSndHWM(properties.proxyHwm());
            xpub.setRcvHWM(properties.proxyHwm());
            xsub = context.createSocket(SocketType.XSUB);
            Sockets.configure(xsub, properties);
            CurveSockets.server(xsub, properties.curve());
            xsub.setSndHWM(properties.proxyHwm());
            xsub.setRcvHWM(properties.proxyHwm());
            ProxyEndpoints endpoints =
                    new ProxyEndpoints(bind(xpub, properties.xpubEndpoint()), bind(xsub, properties.xsubEndpoint()));
            // The hub's node is in this process and on this thread: it sees every subscription as it arrives.
            node.markReady();
            bound.complete(endpoints);
            ZMQ.Socket in = xsub;
            ZMQ.Socket out = xpub;
            node.run(context, xsub, xpub, new HubNode.SocketPair() {
                @Override
                public void sendSubscription(byte[] frame) {
                    sendHubSubscription(in, frame);
                }

                @Override
                public void published(int count) {
                    stats.proxyEvents.add(count);
                }

                @Override
                public void receiveEvents() {
                    stats.proxyEvents.add(forwardEvents(in, out));
                }

                @Override
                public void receiveSubscriptions() {
                    stats.proxySubscriptions.add(forwardSubscriptions(out, in));
                }
            });
        } catch (RuntimeException e) {
            if (!bound.completeExceptionally(e)) {
                log.error("ZeroMQ proxy failed", e);
            }
        } finally {
            node.close();
            destroy(xpub);
            destroy(xsub);
        }
    }

    /** The hub's own subscription change goes upstream as a subscriber's would, and the hub hears of it likewise. */
    private void sendHubSubscription(ZMQ.Socket xsub, byte[] frame) {
        String prefix = HubNode.subscriptionTopic(frame);
        if (prefix == null) {
            return;
        }
        if (frame[0] == 1) {
            subscriptions.hubSubscribed(prefix);
        } else {
            subscriptions.hubUnsubscribed(prefix);
        }
        xsub.send(frame, ZMQ.DONTWAIT);
        stats.proxySubscriptions.increment();
        sentUpstream(frame, true);
    }

    /**
     * Moves up to a batch of whole messages from the publishers to the subscribers without copying them, and hands
     * those on a topic of the hub's to the hub as well; never blocks (see the class comment).
     */
    private int forwardEvents(ZMQ.Socket xsub, ZMQ.Socket xpub) {
        int messages = 0;
        while (messages < HubNode.BATCH) {
            Msg part = xsub.recvMsg(ZMQ.DONTWAIT);
            if (part == null) {
                break;
            }
            boolean forHub = subscriptions.forHub(part);
            while (true) {
                boolean more = part.hasMore();
                if (forHub) {
                    node.collect(part); // before sending, which clears the frame's metadata (the sender's key)
                }
                xpub.sendMsg(part, more ? ZMQ.SNDMORE : 0);
                if (!more) {
                    break;
                }
                part = xsub.recvMsg(0);
            }
            messages++;
            if (forHub) {
                node.deliver();
            }
        }
        return messages;
    }

    /** Moves up to a batch of subscription messages upstream, telling the hub what its own XPUB would have seen. */
    private int forwardSubscriptions(ZMQ.Socket xpub, ZMQ.Socket xsub) {
        int messages = 0;
        while (messages < HubNode.BATCH) {
            Msg part = xpub.recvMsg(ZMQ.DONTWAIT);
            if (part == null) {
                break;
            }
            boolean single = !part.hasMore();
            while (true) {
                boolean more = part.hasMore();
                xsub.sendMsg(part, more ? ZMQ.SNDMORE : 0);
                // The XSUB takes each frame that looks like one as a subscription; count as it does, report whole ones.
                sentUpstream(part.data(), single);
                if (!more) {
                    break;
                }
                part = xpub.recvMsg(0);
            }
            messages++;
        }
        return messages;
    }

    /** Keeps count as the XSUB does of a frame it was sent, and tells the hub of what the XSUB passes on. */
    private void sentUpstream(byte[] frame, boolean report) {
        String topic = HubNode.subscriptionTopic(frame);
        if (topic == null) {
            return;
        }
        boolean subscribed = frame[0] == 1;
        boolean passedOn =
                subscribed ? subscriptions.upstreamSubscribed(topic) : subscriptions.upstreamUnsubscribed(topic);
        if (report && passedOn) {
            node.clusterChanged(topic, subscribed);
        }
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
