package io.zeekagent.hub.zeromq;

import io.zeekagent.hub.broker.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the bridge; other features depend on {@link AgentChannel} only. */
@Configuration(proxyBeanMethods = false)
class ZeromqConfiguration {

    @Bean
    ZeromqBridge zeromqBridge(ZeromqProperties properties) {
        return new ZeromqBridge(properties, EventCodec.forName(properties.serializer()));
    }

    @Bean
    ZeromqMetrics zeromqMetrics(ZeromqBridge bridge) {
        return new ZeromqMetrics(bridge);
    }

    @Bean
    ZeromqHealthIndicator zeromqHealthIndicator(ZeromqBridge bridge) {
        return new ZeromqHealthIndicator(bridge);
    }
}
