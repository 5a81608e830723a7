package io.zeekagent.hub.websocket;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the WebSocket transport: the hub (routing, metrics) and the server lifecycle on its own port. */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

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

    static String hubVersion(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null ? null : properties.getVersion();
        return version == null ? "0.0.0-dev" : version;
    }
}
