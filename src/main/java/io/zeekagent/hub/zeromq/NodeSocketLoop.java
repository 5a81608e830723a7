package io.zeekagent.hub.zeromq;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import zmq.Msg;

/**
 * The hub node's socket thread in {@code connect} mode, the only thread that touches its two sockets: an XSUB
 * connected to the proxy's XPUB (receives events, sends subscriptions) and an XPUB with VERBOSE connected to the
 * proxy's XSUB (publishes events, receives the cluster's subscriptions). Other threads hand it work through the
 * {@link HubNode}.
 */
final class NodeSocketLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(NodeSocketLoop.class);

    /** Everything the loop needs that is fixed for its life. */
    record Settings(ZeromqProperties properties, String connectXpub, String connectXsub, String readinessTopic) {}

    private final ZContext context;
    private final Settings settings;
    private final HubNode node;

    NodeSocketLoop(ZContext context, Settings settings, HubNode node) {
        this.context = context;
        this.settings = settings;
        this.node = node;
    }

    @Override
    public void run() {
        ZMQ.@Nullable Socket xsub = null;
        ZMQ.@Nullable Socket xpub = null;
        try {
            ZeromqProperties properties = settings.properties();
            xsub = context.createSocket(SocketType.XSUB);
            Sockets.configure(xsub, properties);
            xsub.setRcvHWM(properties.receiveHwm());
            CurveSockets.client(xsub, properties.curve());
            xsub.connect(settings.connectXpub());
            xpub = context.createSocket(SocketType.XPUB);
            Sockets.configure(xpub, properties);
            xpub.setXpubVerbose(true);
            xpub.setXpubNoDrop(true);
            xpub.setSndHWM(properties.sendHwm());
            CurveSockets.client(xpub, properties.curve());
            xpub.connect(settings.connectXsub());
            // Zeek's readiness heuristic: once our own probe subscription echoes back on our XPUB, every
            // subscription the proxy held before it has reached us as well.
            xsub.send(Sockets.subscribeFrame(settings.readinessTopic()));
            ZMQ.Socket events = xsub;
            ZMQ.Socket subscriptions = xpub;
            node.run(context, xsub, xpub, new HubNode.SocketPair() {
                @Override
                public void sendSubscription(byte[] frame) {
                    events.send(frame, ZMQ.DONTWAIT);
                }

                @Override
                public void receiveEvents() {
                    NodeSocketLoop.this.receiveEvents(events);
                }

                @Override
                public void receiveSubscriptions() {
                    NodeSocketLoop.this.receiveSubscriptions(subscriptions, events);
                }
            });
        } catch (RuntimeException e) {
            log.error("ZeroMQ node socket thread failed", e);
        } finally {
            node.close();
            if (xsub != null) {
                context.destroySocket(xsub);
            }
            if (xpub != null) {
                context.destroySocket(xpub);
            }
        }
    }

    private void receiveEvents(ZMQ.Socket xsub) {
        for (int received = 0; received < HubNode.BATCH; received++) {
            Msg part = xsub.recvMsg(ZMQ.DONTWAIT);
            if (part == null) {
                return;
            }
            while (true) {
                node.collect(part);
                if (!part.hasMore()) {
                    break;
                }
                part = xsub.recvMsg(0);
            }
            node.deliver();
        }
    }

    private void receiveSubscriptions(ZMQ.Socket xpub, ZMQ.Socket xsub) {
        for (int received = 0; received < HubNode.BATCH; received++) {
            Msg message = xpub.recvMsg(ZMQ.DONTWAIT);
            if (message == null) {
                return;
            }
            boolean single = !message.hasMore();
            while (message.hasMore()) {
                message = xpub.recvMsg(0);
            }
            byte[] data = message.data();
            String topic = single ? HubNode.subscriptionTopic(data) : null;
            if (topic == null) {
                continue;
            }
            boolean subscribed = data[0] == 1;
            if (subscribed && !node.isReady() && topic.equals(settings.readinessTopic())) {
                node.markReady();
                xsub.send(Sockets.unsubscribeFrame(topic), ZMQ.DONTWAIT);
                log.info("ZeroMQ bridge {} is ready", node.nodeName());
            }
            node.clusterChanged(topic, subscribed);
        }
    }
}
