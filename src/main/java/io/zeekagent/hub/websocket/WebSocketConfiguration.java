package io.zeekagent.hub.websocket;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.subscription.BuiltInSocketEvents;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the WebSocket transport: the hub (routing, metrics), the server lifecycle on its own port, and the built-in
 * socket-event subscription for v2 agents.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    /**
     * The v2 twin of the default socket-event subscription: the same socket events for attribution, read from v2's
     * {@code sockets_events}. v1 agents lack that table and v2 agents lack v1's {@code socket_events}, so each kind
     * runs exactly one of the two.
     */
    static final String V2_SOCKET_EVENTS_NAME = "default socket events (Zeek Agent v2)";

    static final String V2_SOCKET_EVENTS_QUERY = "SELECT time, pid, process, uid, family, protocol, local_addr,"
            + " local_port, remote_addr, remote_port, state FROM sockets_events";

    @Bean
    BuiltInSocketEvents v2SocketEvents(WebSocketProperties properties) {
        return new BuiltInSocketEvents(
                V2_SOCKET_EVENTS_NAME, V2_SOCKET_EVENTS_QUERY, "v2", properties.defaultSocketEvents());
    }

    @Bean
    WebSocketHub webSocketHub(
            WebSocketProperties properties, MeterRegistry registry, ObjectProvider<BuildProperties> build) {
        return new WebSocketHub(
                UUID.randomUUID().toString(),
                hubVersion(build),
                properties.sendQueueLimit(),
                new WebSocketMetrics(registry));
    }

    @Bean
    WebSocketServerLifecycle webSocketServerLifecycle(WebSocketProperties properties, WebSocketHub hub) {
        return new WebSocketServerLifecycle(properties, hub);
    }

    @Bean("websocketHealthIndicator")
    WebSocketHealthIndicator websocketHealthIndicator(
            WebSocketProperties properties, WebSocketServerLifecycle server, WebSocketHub hub, V2Sessions sessions) {
        return new WebSocketHealthIndicator(properties, server, hub, sessions);
    }

    static String hubVersion(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null ? null : properties.getVersion();
        return version == null ? "0.0.0-dev" : version;
    }
}
