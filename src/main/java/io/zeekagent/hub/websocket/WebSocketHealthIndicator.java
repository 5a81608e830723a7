package io.zeekagent.hub.websocket;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code websocket}: UP while the server listens (or when it is disabled, which
 * is a choice, not a failure), DOWN when it should run and does not; with port, TLS and connection counts.
 */
final class WebSocketHealthIndicator implements HealthIndicator {

    private final WebSocketProperties properties;
    private final WebSocketServerLifecycle server;
    private final WebSocketHub hub;
    private final V2Sessions sessions;

    WebSocketHealthIndicator(
            WebSocketProperties properties, WebSocketServerLifecycle server, WebSocketHub hub, V2Sessions sessions) {
        this.properties = properties;
        this.server = server;
        this.hub = hub;
        this.sessions = sessions;
    }

    @Override
    public Health health() {
        if (!properties.enabled()) {
            return Health.up().withDetail("enabled", false).build();
        }
        Health.Builder health = server.isRunning() ? Health.up() : Health.down();
        return health.withDetail("enabled", true)
                .withDetail("port", server.port())
                .withDetail("tls", server.tls())
                .withDetail("connections", hub.connections())
                .withDetail("agents", sessions.all().size())
                .build();
    }
}
