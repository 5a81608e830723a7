package io.zeekagent.hub.websocket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/** Micrometer meters of the WebSocket server: connections, messages in and out, errors sent, drops by reason. */
final class WebSocketMetrics {

    private final MeterRegistry registry;
    private final Counter messagesIn;
    private final Counter messagesOut;

    WebSocketMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.messagesIn = Counter.builder("hub.websocket.messages")
                .tag("direction", "in")
                .description("WebSocket messages received / sent")
                .register(registry);
        this.messagesOut = Counter.builder("hub.websocket.messages")
                .tag("direction", "out")
                .description("WebSocket messages received / sent")
                .register(registry);
    }

    /** Registers the gauge of open connections. */
    void connections(Supplier<Number> connections) {
        Gauge.builder("hub.websocket.connections", connections)
                .description("Open WebSocket connections")
                .register(registry);
    }

    void received() {
        messagesIn.increment();
    }

    void sent() {
        messagesOut.increment();
    }

    /** An error message was sent to a client, by Broker error code. */
    void error(String code) {
        registry.counter("hub.websocket.errors", "code", code).increment();
    }

    /** A message was dropped, by reason (e.g. {@code slow-reader}, {@code unknown-event}, {@code unknown-query}). */
    void dropped(String reason) {
        registry.counter("hub.websocket.drops", "reason", reason).increment();
    }

    double drops(String reason) {
        Counter counter =
                registry.find("hub.websocket.drops").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
