package io.zeekagent.hub.zeromq;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import zmq.Msg;

/**
 * The hub node's socket thread, the only thread that touches its two sockets: an XSUB connected to the proxy's XPUB
 * (receives events, sends subscriptions) and an XPUB with VERBOSE connected to the proxy's XSUB (publishes events,
 * receives the cluster's subscriptions). Other threads hand it work through queues and a {@link Wakeup}.
 */
final class NodeSocketLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(NodeSocketLoop.class);
    private static final int BATCH = 1024;

    /** Everything the loop needs that is fixed for its life. */
    record Settings(
            ZeromqProperties properties,
            String connectXpub,
            String connectXsub,
            String nodeId,
            String serializer,
            String readinessTopic) {}

    private final ZContext context;
    private final Settings settings;
    private final byte[] nodeId;
    private final byte[] serializer;
    private final BridgeStats stats;
    private final DropRecorder drops;
    private final InboundDispatcher dispatcher;
    private final ClusterSubscriptions cluster;
    private final ArrayBlockingQueue<Outbound> outbound;
    private final Queue<byte[]> control = new ConcurrentLinkedQueue<>();
    private final Msg[] frames = new Msg[4];
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean running = true;
    private volatile boolean ready;

    NodeSocketLoop(
            ZContext context,
            Settings settings,
            BridgeStats stats,
            DropRecorder drops,
            InboundDispatcher dispatcher,
            ClusterSubscriptions cluster) {
        this.context = context;
        this.settings = settings;
        this.nodeId = settings.nodeId().getBytes(StandardCharsets.UTF_8);
        this.serializer = settings.serializer().getBytes(StandardCharsets.UTF_8);
        this.stats = stats;
        this.drops = drops;
        this.dispatcher = dispatcher;
        this.cluster = cluster;
        this.outbound = new ArrayBlockingQueue<>(settings.properties().outboundQueueCapacity());
    }

    /** Any thread: queues a publication; {@code false} (and counted) when the queue is full. */
    boolean publish(byte[] topic, byte[] payload) {
        if (!outbound.offer(new Outbound(topic, payload))) {
            drops.drop(DropReason.OUTBOUND_QUEUE_FULL, "socket thread is behind, topic {}", utf8(topic));
            return false;
        }
        wakeup.wake();
        return true;
    }

    /** Any thread: subscribes the XSUB to a prefix (reference-counted by ZeroMQ). */
    void subscribe(String prefix) {
        control.add(Sockets.subscribeFrame(prefix));
        wakeup.wake();
    }

    /** Any thread: drops one reference to a prefix; the last one withdraws it from the cluster. */
    void unsubscribe(String prefix) {
        control.add(Sockets.unsubscribeFrame(prefix));
        wakeup.wake();
    }

    boolean isReady() {
        return ready;
    }

    /** Asks the thread to close its sockets and end. */
    void stop() {
        running = false;
        wakeup.wake();
    }

    @Override
    public void run() {
        ZMQ.@Nullable Socket xsub = null;
        ZMQ.@Nullable Socket xpub = null;
        ZMQ.@Nullable Poller poller = null;
        try {
            ZeromqProperties properties = settings.properties();
            xsub = context.createSocket(SocketType.XSUB);
            Sockets.configure(xsub, properties);
            xsub.setRcvHWM(properties.receiveHwm());
            curveClient(xsub, properties);
            xsub.connect(settings.connectXpub());
            xpub = context.createSocket(SocketType.XPUB);
            Sockets.configure(xpub, properties);
            xpub.setXpubVerbose(true);
            xpub.setXpubNoDrop(true);
            xpub.setSndHWM(properties.sendHwm());
            curveClient(xpub, properties);
            xpub.connect(settings.connectXsub());
            // Zeek's readiness heuristic: once our own probe subscription echoes back on our XPUB, every
            // subscription the proxy held before it has reached us as well.
            xsub.send(Sockets.subscribeFrame(settings.readinessTopic()));
            poller = context.createPoller(3);
            int events = poller.register(xsub, ZMQ.Poller.POLLIN);
            int subscriptions = poller.register(xpub, ZMQ.Poller.POLLIN);
            int wake = poller.register(wakeup.channel(), ZMQ.Poller.POLLIN);
            while (running) {
                sendControl(xsub);
                boolean more = sendOutbound(xpub);
                wakeup.sleeping();
                boolean idle = !more && running && control.isEmpty() && outbound.isEmpty();
                poller.poll(idle ? -1 : 0);
                wakeup.awake();
                if (poller.pollin(wake)) {
                    wakeup.drain();
                }
                if (poller.pollin(events)) {
                    receiveEvents(xsub);
                }
                if (poller.pollin(subscriptions)) {
                    receiveSubscriptions(xpub, xsub);
                }
            }
        } catch (RuntimeException e) {
            log.error("ZeroMQ node socket thread failed", e);
        } finally {
            ready = false;
            if (poller != null) {
                poller.close();
            }
            if (xsub != null) {
                context.destroySocket(xsub);
            }
            if (xpub != null) {
                context.destroySocket(xpub);
            }
            wakeup.close();
        }
    }

    private void sendControl(ZMQ.Socket xsub) {
        byte[] frame;
        while ((frame = control.poll()) != null) {
            xsub.send(frame, ZMQ.DONTWAIT);
        }
    }

    /** Sends up to a batch of queued events; {@code true} when more may be waiting. */
    private boolean sendOutbound(ZMQ.Socket xpub) {
        int sent = 0;
        Outbound message;
        while (sent < BATCH && (message = outbound.poll()) != null) {
            sent++;
            // NODROP + DONTWAIT: at the high-water mark the first frame fails and nothing of the message goes out.
            if (!xpub.send(message.topic(), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
                drops.drop(DropReason.SEND_HWM, "proxy is not keeping up, topic {}", utf8(message.topic()));
                continue;
            }
            xpub.send(nodeId, ZMQ.SNDMORE);
            xpub.send(serializer, ZMQ.SNDMORE);
            xpub.send(message.payload(), 0);
            stats.messagesOut.increment();
            stats.bytesOut.add(message.topic().length + nodeId.length + serializer.length + message.payload().length);
        }
        return sent == BATCH;
    }

    private void receiveEvents(ZMQ.Socket xsub) {
        for (int received = 0; received < BATCH; received++) {
            Msg part = xsub.recvMsg(ZMQ.DONTWAIT);
            if (part == null) {
                return;
            }
            int parts = 0;
            long bytes = 0;
            while (true) {
                if (parts < frames.length) {
                    frames[parts] = part;
                }
                parts++;
                bytes += part.size();
                if (!part.hasMore()) {
                    break;
                }
                part = xsub.recvMsg(0);
            }
            stats.messagesIn.increment();
            stats.bytesIn.add(bytes);
            accept(parts);
            Arrays.fill(frames, null);
        }
    }

    private void accept(int parts) {
        if (parts != 4) {
            drops.drop(DropReason.FRAME_COUNT, "{} frames instead of 4", parts);
            return;
        }
        byte[] topic = frames[0].data();
        byte[] sender = frames[1].data();
        byte[] format = frames[2].data();
        if (!Arrays.equals(format, serializer)) {
            drops.drop(DropReason.SERIALIZER, "serializer {} is not " + settings.serializer(), utf8(format));
        } else if (Arrays.equals(sender, nodeId)) {
            drops.drop(DropReason.SELF_ECHO, "", utf8(topic));
        } else if (!dispatcher.handleInline(topic, sender, frames[3].data())) {
            dispatcher.offerEvent(topic, sender, frames[3].data());
        }
    }

    private void receiveSubscriptions(ZMQ.Socket xpub, ZMQ.Socket xsub) {
        for (int received = 0; received < BATCH; received++) {
            Msg message = xpub.recvMsg(ZMQ.DONTWAIT);
            if (message == null) {
                return;
            }
            boolean single = !message.hasMore();
            while (message.hasMore()) {
                message = xpub.recvMsg(0);
            }
            byte[] data = message.data();
            if (!single || data.length == 0 || (data[0] != 0 && data[0] != 1)) {
                continue;
            }
            String topic = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
            if (data[0] == 1) {
                if (!ready && topic.equals(settings.readinessTopic())) {
                    ready = true;
                    xsub.send(Sockets.unsubscribeFrame(topic), ZMQ.DONTWAIT);
                    log.info("ZeroMQ bridge {} is ready", settings.nodeId());
                }
                if (cluster.subscribed(topic)) {
                    dispatcher.offerChange(topic, true);
                }
            } else if (cluster.unsubscribed(topic)) {
                dispatcher.offerChange(topic, false);
            }
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A publication waiting for the socket thread. */
    private record Outbound(byte[] topic, byte[] payload) {}

    /** In connect mode the node's sockets reach the proxy over TCP, as CURVE clients when keys are configured. */
    private static void curveClient(ZMQ.Socket socket, ZeromqProperties properties) {
        if (properties.mode() == ZeromqProperties.Mode.CONNECT) {
            CurveSockets.client(socket, properties.curve());
        }
    }
}
