package io.zeekagent.hub.agent.sim;

import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * One ZeroMQ connection to the cluster proxy, shared by many simulated agents the way a Zeek node connects: an
 * XSUB to the proxy's XPUB (receives, subscribes with {@code 0x01<topic>} frames) and an XPUB to the proxy's XSUB
 * (publishes 4-frame messages). Both sockets belong to one thread; other threads hand it work through a queue.
 */
final class SimConnection implements AutoCloseable {

    private static final long IDLE_NANOS = 5_000_000;

    private final ZContext context = new ZContext(1);
    private final String nodeId;
    private final EventCodec codec;
    private final ConcurrentLinkedQueue<Runnable> work = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> topicReferences = new HashMap<>();
    private final Set<String> clusterSubscriptions = ConcurrentHashMap.newKeySet();
    private final BiConsumer<String, ZeekEvent> inbound;
    private final Runnable onIdle;
    private final Thread thread;
    private volatile boolean running = true;
    private ZMQ.Socket xsub;
    private ZMQ.Socket xpub;

    SimConnection(
            String xpubEndpoint,
            String xsubEndpoint,
            String nodeId,
            EventCodec codec,
            BiConsumer<String, ZeekEvent> inbound,
            Runnable onIdle) {
        this.nodeId = nodeId;
        this.codec = codec;
        this.inbound = inbound;
        this.onIdle = onIdle;
        context.setLinger(0);
        xsub = context.createSocket(SocketType.XSUB);
        xsub.setRcvHWM(100_000);
        // Subscriptions leave through the send pipe, and a full pipe drops them silently: 10,000 agents on one
        // connection subscribe to 20,000 topics at once, far beyond the default 1,000.
        xsub.setSndHWM(100_000);
        xsub.connect(xpubEndpoint);
        xpub = context.createSocket(SocketType.XPUB);
        xpub.setXpubVerbose(true);
        xpub.setSndHWM(100_000);
        xpub.connect(xsubEndpoint);
        thread = new Thread(this::loop, "agent-sim-" + nodeId);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Subscribes to a topic (reference-counted across agents); from any thread. */
    void subscribe(String topic) {
        work.add(() -> {
            if (topicReferences.merge(topic, 1, Integer::sum) == 1) {
                xsub.send(frame((byte) 1, topic));
            }
        });
    }

    /** Drops one reference to a topic, unsubscribing when it was the last; from any thread. */
    void unsubscribe(String topic) {
        work.add(() -> {
            Integer n = topicReferences.get(topic);
            if (n == null) {
                return;
            }
            if (n == 1) {
                topicReferences.remove(topic);
                xsub.send(frame((byte) 0, topic));
            } else {
                topicReferences.put(topic, n - 1);
            }
        });
    }

    /** Publishes an event; from any thread. */
    void publish(String topic, ZeekEvent event) {
        work.add(() -> send(topic, codec.encode(event)));
    }

    /** Publishes a payload that may be anything (malformed-input tests); from any thread. */
    void publishRaw(String topic, String serializer, byte[] payload) {
        work.add(() -> {
            ZMsg msg = new ZMsg();
            msg.add(topic);
            msg.add(nodeId);
            msg.add(serializer);
            msg.add(payload);
            msg.send(xpub);
        });
    }

    /** Whether someone in the cluster (the hub) subscribed to a prefix of {@code topic}. */
    boolean hasSubscriber(String topic) {
        for (String prefix : clusterSubscriptions) {
            if (topic.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Runs a task on the socket thread. */
    void execute(Runnable task) {
        work.add(task);
    }

    private void send(String topic, byte[] payload) {
        xpub.sendMore(topic);
        xpub.sendMore(nodeId);
        xpub.sendMore(codec.serializerName());
        xpub.send(payload);
    }

    private void loop() {
        long lastIdle = System.nanoTime() - IDLE_NANOS;
        ZMQ.Poller poller = context.createPoller(2);
        poller.register(xsub, ZMQ.Poller.POLLIN);
        poller.register(xpub, ZMQ.Poller.POLLIN);
        try {
            while (running && !Thread.currentThread().isInterrupted()) {
                for (Runnable r; (r = work.poll()) != null; ) {
                    r.run();
                }
                long now = System.nanoTime();
                // Idle work visits every agent: with 10,000 of them, once per message burst would eat a core.
                if (now - lastIdle >= IDLE_NANOS) {
                    lastIdle = now;
                    onIdle.run();
                }
                if (poller.poll(5) <= 0) {
                    continue;
                }
                if (poller.pollin(0)) {
                    for (ZMsg msg; (msg = ZMsg.recvMsg(xsub, ZMQ.DONTWAIT)) != null; ) {
                        receive(msg);
                    }
                }
                if (poller.pollin(1)) {
                    for (byte[] sub; (sub = xpub.recv(ZMQ.DONTWAIT)) != null; ) {
                        if (sub.length > 0) {
                            String topic = new String(sub, 1, sub.length - 1, StandardCharsets.UTF_8);
                            if (sub[0] == 1) {
                                clusterSubscriptions.add(topic);
                            } else if (sub[0] == 0) {
                                clusterSubscriptions.remove(topic);
                            }
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                throw e;
            }
        } finally {
            poller.close();
        }
    }

    private void receive(ZMsg msg) {
        if (msg.size() != 4) {
            return;
        }
        String topic = msg.popString();
        String sender = msg.popString();
        String serializer = msg.popString();
        byte[] payload = msg.pop().getData();
        if (sender.equals(nodeId) || !serializer.equals(codec.serializerName())) {
            return;
        }
        try {
            inbound.accept(topic, codec.decode(payload));
        } catch (BrokerFormatException e) {
            // An agent ignores what it cannot parse.
        }
    }

    private static byte[] frame(byte kind, String topic) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[t.length + 1];
        f[0] = kind;
        System.arraycopy(t, 0, f, 1, t.length);
        return f;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
    }
}
