package io.zeekagent.hub.zeromq;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code zeromq}: UP when the bridge runs, its endpoints are bound (embedded mode)
 * and its readiness probe has echoed through the proxy; DOWN otherwise, with the reason in the details.
 */
final class ZeromqHealthIndicator implements HealthIndicator {

    private final ZeromqBridge bridge;

    ZeromqHealthIndicator(ZeromqBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public Health health() {
        ZeromqProperties properties = bridge.properties();
        BridgeStats stats = bridge.stats();
        Health.Builder health = bridge.isRunning() && bridge.isReady() ? Health.up() : Health.down();
        health.withDetail("mode", properties.mode().name().toLowerCase().replace('_', '-'))
                .withDetail("nodeId", bridge.nodeId())
                .withDetail("running", bridge.isRunning())
                .withDetail("ready", bridge.isReady())
                .withDetail("serializer", properties.serializer())
                .withDetail("subscriptions", bridge.clusterSubscriptionCount())
                .withDetail("messagesIn", stats.messagesIn.sum())
                .withDetail("messagesOut", stats.messagesOut.sum());
        bridge.proxyEndpoints()
                .ifPresentOrElse(
                        endpoints -> health.withDetail("xpubBound", endpoints.xpub())
                                .withDetail("xsubBound", endpoints.xsub()),
                        () -> health.withDetail("xpubEndpoint", properties.xpubEndpoint())
                                .withDetail("xsubEndpoint", properties.xsubEndpoint()));
        return health.build();
    }
}
