package io.zeekagent.hub.zeromq;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Publishes the bridge's counters as Micrometer meters. The counters themselves are plain {@link LongAdder}s in
 * {@link BridgeStats}, so the socket threads never call into the registry.
 */
final class ZeromqMetrics implements MeterBinder {

    private final ZeromqBridge bridge;

    ZeromqMetrics(ZeromqBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        BridgeStats stats = bridge.stats();
        counter(
                registry,
                "hub.zeromq.messages",
                stats.messagesIn,
                "Messages received by the hub node",
                "direction",
                "in");
        counter(
                registry,
                "hub.zeromq.messages",
                stats.messagesOut,
                "Messages published by the hub node",
                "direction",
                "out");
        bytes(registry, stats.bytesIn, "in");
        bytes(registry, stats.bytesOut, "out");
        counter(registry, "hub.zeromq.delivered", stats.delivered, "Events handed to handlers", null, null);
        counter(registry, "hub.zeromq.handler.errors", stats.handlerErrors, "Handlers that threw", null, null);
        counter(
                registry,
                "hub.zeromq.proxy.messages",
                stats.proxyEvents,
                "Events forwarded by the embedded proxy",
                "kind",
                "event");
        counter(
                registry,
                "hub.zeromq.proxy.messages",
                stats.proxySubscriptions,
                "Subscriptions forwarded by the embedded proxy",
                "kind",
                "subscription");
        for (DropReason reason : DropReason.values()) {
            FunctionCounter.builder("hub.zeromq.drops", stats, s -> s.drops(reason))
                    .description("Messages dropped by the bridge")
                    .tag("reason", reason.tag())
                    .register(registry);
        }
        FunctionCounter.builder("hub.zeromq.decode.errors", stats, BridgeStats::decodeErrors)
                .description("Inbound payloads the codec rejected")
                .register(registry);
        Gauge.builder("hub.zeromq.subscriptions", bridge, ZeromqBridge::clusterSubscriptionCount)
                .description("Distinct topics subscribed to in the cluster")
                .register(registry);
        Gauge.builder("hub.zeromq.ready", bridge, b -> b.isReady() ? 1 : 0)
                .description("1 when the bridge is connected and ready to publish")
                .register(registry);
    }

    private static void counter(
            MeterRegistry registry,
            String name,
            LongAdder adder,
            String description,
            @Nullable String tag,
            @Nullable String value) {
        FunctionCounter.Builder<LongAdder> builder =
                FunctionCounter.builder(name, adder, LongAdder::sum).description(description);
        if (tag != null && value != null) {
            builder.tag(tag, value);
        }
        builder.register(registry);
    }

    private static void bytes(MeterRegistry registry, LongAdder adder, String direction) {
        FunctionCounter.builder("hub.zeromq.bytes", adder, LongAdder::sum)
                .description("Bytes of all frames of the hub node's messages")
                .baseUnit("bytes")
                .tag("direction", direction)
                .register(registry);
    }
}
