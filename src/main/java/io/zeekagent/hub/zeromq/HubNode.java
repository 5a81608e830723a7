package io.zeekagent.hub.zeromq;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import zmq.Msg;
import zmq.io.Metadata;

/**
 * The hub's node of the cluster, apart from where its sockets are: the queues through which other threads hand it
 * publications and subscription changes, the checks and hand-off of the events it receives, and what a cluster
 * subscription change means to the hub. One thread runs it: {@link NodeSocketLoop} on sockets of its own joined to a
 * proxy ({@code connect} mode), or {@link EmbeddedProxy} on the proxy's sockets, so that in {@code embedded-proxy}
 * mode no message crosses a thread between the peers and the dispatcher.
 */
final class HubNode {

    static final int BATCH = 1024;

    /** What the loop running the node does with its own two sockets. */
    interface SocketPair {

        /** Socket thread: a subscription change of the hub ({@code 0x01}/{@code 0x00} + prefix) for the XSUB. */
        void sendSubscription(byte[] frame);

        /** Socket thread: {@code count} publications of the hub went out on the XPUB. */
        default void published(int count) {}

        /** Socket thread: the XSUB has events to read. */
        void receiveEvents();

        /** Socket thread: the XPUB has subscriptions to read. */
        void receiveSubscriptions();
    }

    private final String nodeName;
    private final byte[] nodeId;
    private final String serializerName;
    private final byte[] serializer;
    private final BridgeStats stats;
    private final DropRecorder drops;
    private final InboundDispatcher dispatcher;
    private final ClusterSubscriptions cluster;
    private final ArrayBlockingQueue<Outbound> outbound;
    private final Queue<byte[]> control = new ConcurrentLinkedQueue<>();
    private final Msg[] frames = new Msg[4];
    private final Wakeup wakeup = new Wakeup();
    private int parts;
    private long bytes;
    private @Nullable String senderKey;
    private volatile boolean running = true;
    private volatile boolean ready;

    HubNode(
            String nodeId,
            String serializer,
            int outboundQueueCapacity,
            BridgeStats stats,
            DropRecorder drops,
            InboundDispatcher dispatcher,
            ClusterSubscriptions cluster) {
        this.nodeName = nodeId;
        this.nodeId = nodeId.getBytes(StandardCharsets.UTF_8);
        this.serializerName = serializer;
        this.serializer = serializer.getBytes(StandardCharsets.UTF_8);
        this.stats = stats;
        this.drops = drops;
        this.dispatcher = dispatcher;
        this.cluster = cluster;
        this.outbound = new ArrayBlockingQueue<>(outboundQueueCapacity);
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

    /** Any thread: subscribes the hub to a prefix (reference-counted, as ZeroMQ's XSUB does). */
    void subscribe(String prefix) {
        control.add(Sockets.subscribeFrame(prefix));
        wakeup.wake();
    }

    /** Any thread: drops one reference to a prefix; the last one withdraws it from the cluster. */
    void unsubscribe(String prefix) {
        control.add(Sockets.unsubscribeFrame(prefix));
        wakeup.wake();
    }

    String nodeName() {
        return nodeName;
    }

    boolean isReady() {
        return ready;
    }

    /** Socket thread: the node now sees every subscription the cluster held before it joined. */
    void markReady() {
        ready = true;
    }

    /** Any thread: asks the socket thread to close its sockets and end. */
    void stop() {
        running = false;
        wakeup.wake();
    }

    /**
     * Socket thread: sends what other threads queued and reads what the two sockets received, polling when there is
     * nothing to do, until {@link #stop()}.
     */
    void run(ZContext context, ZMQ.Socket xsub, ZMQ.Socket xpub, SocketPair sockets) {
        ZMQ.Poller poller = context.createPoller(3);
        try {
            int events = poller.register(xsub, ZMQ.Poller.POLLIN);
            int subscriptions = poller.register(xpub, ZMQ.Poller.POLLIN);
            int wake = poller.register(wakeup.channel(), ZMQ.Poller.POLLIN);
            while (running) {
                byte[] frame;
                while ((frame = control.poll()) != null) {
                    sockets.sendSubscription(frame);
                }
                boolean more = sendOutbound(xpub, sockets);
                wakeup.sleeping();
                boolean idle = !more && running && control.isEmpty() && outbound.isEmpty();
                poller.poll(idle ? -1 : 0);
                wakeup.awake();
                if (poller.pollin(wake)) {
                    wakeup.drain();
                }
                if (poller.pollin(events)) {
                    sockets.receiveEvents();
                }
                if (poller.pollin(subscriptions)) {
                    sockets.receiveSubscriptions();
                }
            }
        } finally {
            poller.close();
        }
    }

    /** Socket thread, as it ends (also when it failed before {@link #run}): nothing can be sent any more. */
    void close() {
        ready = false;
        wakeup.close();
    }

    /** Sends up to a batch of queued events; {@code true} when more may be waiting. */
    private boolean sendOutbound(ZMQ.Socket xpub, SocketPair sockets) {
        int taken = 0;
        int sent = 0;
        Outbound message;
        while (taken < BATCH && (message = outbound.poll()) != null) {
            taken++;
            // On a NODROP XPUB with DONTWAIT, at the high-water mark the first frame fails and nothing goes out; a
            // lossy XPUB (the embedded proxy's) never fails and drops per subscriber instead.
            if (!xpub.send(message.topic(), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
                drops.drop(DropReason.SEND_HWM, "proxy is not keeping up, topic {}", utf8(message.topic()));
                continue;
            }
            xpub.send(nodeId, ZMQ.SNDMORE);
            xpub.send(serializer, ZMQ.SNDMORE);
            xpub.send(message.payload(), 0);
            sent++;
            stats.messagesOut.increment();
            stats.bytesOut.add(message.topic().length + nodeId.length + serializer.length + message.payload().length);
        }
        if (sent > 0) {
            sockets.published(sent);
        }
        return taken == BATCH;
    }

    /**
     * Socket thread: one frame of a message for the hub, before it is sent on (sending clears its metadata); after the
     * last, call {@link #deliver()}.
     */
    void collect(Msg part) {
        if (parts == 0) {
            // What the ZAP handler answered as user id for this connection: its CURVE key (see ZapHandler).
            Metadata metadata = part.getMetadata();
            senderKey = metadata == null ? null : metadata.get(Metadata.USER_ID);
        }
        if (parts < frames.length) {
            frames[parts] = part;
        }
        parts++;
        bytes += part.size();
    }

    /** Socket thread: counts the message {@link #collect}ed and, when it passes the checks, hands it over. */
    void deliver() {
        stats.messagesIn.increment();
        stats.bytesIn.add(bytes);
        try {
            accept();
        } finally {
            Arrays.fill(frames, null);
            parts = 0;
            bytes = 0;
            senderKey = null;
        }
    }

    private void accept() {
        if (parts != 4) {
            drops.drop(DropReason.FRAME_COUNT, "{} frames instead of 4", parts);
            return;
        }
        byte[] topic = frames[0].data();
        byte[] sender = frames[1].data();
        byte[] format = frames[2].data();
        if (!Arrays.equals(format, serializer)) {
            drops.drop(DropReason.SERIALIZER, "serializer {} is not " + serializerName, utf8(format));
        } else if (Arrays.equals(sender, nodeId)) {
            drops.drop(DropReason.SELF_ECHO, "", utf8(topic));
        } else if (!dispatcher.handleInline(topic, sender, senderKey, frames[3].data())) {
            dispatcher.offerEvent(topic, sender, senderKey, frames[3].data());
        }
    }

    /**
     * Socket thread: a subscription change of the cluster, as an XPUB reports it: every subscribe, and an unsubscribe
     * once the last subscriber of the topic is gone. Zeek's internal readiness topics are not passed on.
     */
    void clusterChanged(String topic, boolean subscribed) {
        if (subscribed ? cluster.subscribed(topic) : cluster.unsubscribed(topic)) {
            dispatcher.offerChange(topic, subscribed);
        }
    }

    /** The topic of a subscribe ({@code 0x01}) or unsubscribe ({@code 0x00}) frame; {@code null} for other frames. */
    static @Nullable String subscriptionTopic(byte[] frame) {
        if (frame.length == 0 || (frame[0] != 0 && frame[0] != 1)) {
            return null;
        }
        return new String(frame, 1, frame.length - 1, StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A publication waiting for the socket thread. */
    private record Outbound(byte[] topic, byte[] payload) {}
}
