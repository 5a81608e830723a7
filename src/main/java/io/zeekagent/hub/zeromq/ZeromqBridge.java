package io.zeekagent.hub.zeromq;

import io.zeekagent.hub.broker.EventCodec;
import io.zeekagent.hub.broker.ZeekEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.zeromq.ZContext;

/**
 * The ZeroMQ bridge: owns a ZeroMQ context, the hub's node of the cluster with its socket thread — the embedded proxy's
 * (in {@code embedded-proxy} mode) or its own (in {@code connect} mode) — and the dispatch thread, and implements
 * {@link AgentChannel} on top of them. Restartable: each {@link #start()} builds a fresh context and threads
 * ({@link BridgeSession}); handlers and listeners survive a restart.
 */
final class ZeromqBridge implements AgentChannel, SmartLifecycle {

    /** Starts before and stops after the web server and scheduled work that publish through it. */
    static final int PHASE = 0;

    private static final Logger log = LoggerFactory.getLogger(ZeromqBridge.class);
    private static final AtomicLong READINESS_COUNTER = new AtomicLong();

    /** The thread of the embedded proxy, which plays the hub's node too ({@code embedded-proxy} mode). */
    static final String PROXY_THREAD = "zeromq-proxy";

    /** The thread of the hub node's own sockets ({@code connect} mode). */
    static final String NODE_THREAD = "zeromq-node";

    private final ZeromqProperties properties;
    private final EventCodec codec;
    private final String nodeId;
    private final BridgeStats stats = new BridgeStats();
    private final DropRecorder drops = new DropRecorder(stats, Duration.ofSeconds(10));
    private final RateLimitedLog handlerFailures = new RateLimitedLog(log, Duration.ofSeconds(10));
    private final List<LocalSubscription> handlers = new CopyOnWriteArrayList<>();
    /**
     * Handlers per prefix. ZeroMQ's XSUB forwards every subscribe but only the last unsubscribe, which would leave the
     * proxy subscribed after two handlers of one prefix close; so each prefix goes on the wire once.
     */
    private final Map<String, Integer> prefixReferences = new HashMap<>();

    private final List<SubscriptionListener> listeners = new CopyOnWriteArrayList<>();
    private final ClusterSubscriptions cluster = new ClusterSubscriptions();
    private final Object lifecycle = new Object();
    private volatile @Nullable BridgeSession session;

    ZeromqBridge(ZeromqProperties properties, EventCodec codec) {
        this.properties = properties;
        this.codec = codec;
        this.nodeId = NodeIds.next(properties.nodeIdPrefix());
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (session != null) {
                return;
            }
            ZContext context = new ZContext(properties.ioThreads());
            context.setLinger(properties.lingerMillis());
            BridgeSession started = new BridgeSession(context);
            try {
                started.dispatcher = new InboundDispatcher(
                        properties.inboundQueueCapacity(), codec, handlers, listeners, stats, drops, handlerFailures);
                started.run("zeromq-dispatch", started.dispatcher);
                started.node = new HubNode(
                        nodeId,
                        codec.serializerName(),
                        properties.outboundQueueCapacity(),
                        stats,
                        drops,
                        started.dispatcher,
                        cluster);
                for (String prefix : prefixReferences.keySet()) {
                    started.node.subscribe(prefix);
                }
                if (properties.mode() == ZeromqProperties.Mode.EMBEDDED_PROXY) {
                    started.zap = ZapHandler.startIfConfigured(context, properties);
                    EmbeddedProxy proxy = new EmbeddedProxy(context, properties, stats, started.node);
                    started.run(PROXY_THREAD, proxy);
                    started.endpoints = proxy.awaitBound(properties.startTimeout());
                } else {
                    String readiness = ClusterSubscriptions.INTERNAL_PREFIX + nodeId + "."
                            + READINESS_COUNTER.incrementAndGet() + ".";
                    started.run(
                            NODE_THREAD,
                            new NodeSocketLoop(
                                    context,
                                    new NodeSocketLoop.Settings(
                                            properties,
                                            properties.xpubEndpoint(),
                                            properties.xsubEndpoint(),
                                            readiness),
                                    started.node));
                }
                session = started;
            } catch (RuntimeException e) {
                started.shutDown(properties.linger());
                throw e;
            }
            log.info(
                    "ZeroMQ bridge started: node id {}, mode {}, XPUB {}, XSUB {}, serializer {}",
                    nodeId,
                    properties.mode(),
                    started.endpoints != null ? started.endpoints.xpub() : properties.xpubEndpoint(),
                    started.endpoints != null ? started.endpoints.xsub() : properties.xsubEndpoint(),
                    codec.serializerName());
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            BridgeSession running = session;
            if (running == null) {
                return;
            }
            session = null;
            running.shutDown(properties.linger());
            cluster.clear();
            log.info("ZeroMQ bridge {} stopped", nodeId);
        }
    }

    @Override
    public boolean isRunning() {
        return session != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public Subscription subscribe(String topicPrefix, Consumer<InboundEvent> handler) {
        return add(new LocalSubscription(topicPrefix, handler, this::unsubscribe));
    }

    @Override
    public Subscription subscribeInline(
            String topicPrefix, Predicate<InboundEvent> inline, Consumer<InboundEvent> fallback) {
        return add(new LocalSubscription(topicPrefix, inline, fallback, this::unsubscribe));
    }

    private Subscription add(LocalSubscription subscription) {
        String topicPrefix = subscription.topicPrefix();
        synchronized (lifecycle) {
            handlers.add(subscription);
            BridgeSession running = session;
            if (prefixReferences.merge(topicPrefix, 1, Integer::sum) == 1 && running != null) {
                running.node().subscribe(topicPrefix);
            }
        }
        return subscription;
    }

    private void unsubscribe(LocalSubscription subscription) {
        synchronized (lifecycle) {
            if (handlers.remove(subscription)) {
                BridgeSession running = session;
                String prefix = subscription.topicPrefix();
                if (prefixReferences.merge(prefix, -1, Integer::sum) == 0) {
                    prefixReferences.remove(prefix);
                    if (running != null) {
                        running.node().unsubscribe(prefix);
                    }
                }
            }
        }
    }

    @Override
    public void publish(String topic, ZeekEvent event) {
        BridgeSession running = session;
        if (running == null) {
            drops.drop(DropReason.NOT_RUNNING, "bridge is stopped, topic {}", topic);
            return;
        }
        running.node().publish(topic.getBytes(StandardCharsets.UTF_8), codec.encode(event));
    }

    @Override
    public void addSubscriptionListener(SubscriptionListener listener) {
        listeners.add(listener);
    }

    @Override
    public boolean awaitSubscriber(String topic, Duration timeout) throws InterruptedException {
        return cluster.awaitMatch(topic, timeout);
    }

    @Override
    public boolean inlineOnProxyThread() {
        return properties.mode() == ZeromqProperties.Mode.EMBEDDED_PROXY;
    }

    @Override
    public Optional<Set<String>> authenticatedSenderKeys() {
        return properties.authenticatedSenderKeys();
    }

    @Override
    public boolean isReady() {
        BridgeSession running = session;
        return running != null && running.node().isReady();
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    ZeromqProperties properties() {
        return properties;
    }

    BridgeStats stats() {
        return stats;
    }

    /** The embedded proxy's resolved endpoints while running in {@code embedded-proxy} mode. */
    Optional<ProxyEndpoints> proxyEndpoints() {
        BridgeSession running = session;
        return running == null ? Optional.empty() : Optional.ofNullable(running.endpoints);
    }

    /** CURVE clients the embedded proxy's ZAP handler refused since this start (0 without CURVE). */
    long curveRefusals() {
        BridgeSession running = session;
        ZapHandler zap = running == null ? null : running.zap;
        return zap == null ? 0 : zap.refused();
    }

    /** How many distinct topics peers of the cluster subscribe to right now. */
    int clusterSubscriptionCount() {
        return cluster.size();
    }
}
