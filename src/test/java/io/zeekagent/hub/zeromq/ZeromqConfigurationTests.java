package io.zeekagent.hub.zeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Tests for {@link ZeromqConfiguration}: binding, lifecycle, health and metrics in a Spring context. */
class ZeromqConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ZeromqConfiguration.class, PropertiesConfiguration.class)
            .withPropertyValues(
                    "hub.zeromq.xpub-endpoint=tcp://127.0.0.1:0",
                    "hub.zeromq.xsub-endpoint=tcp://127.0.0.1:0",
                    "hub.zeromq.linger=0ms");

    @Test
    void startsTheBridgeAsAnAgentChannelAndReportsItHealthy() {
        runner.run(context -> {
            AgentChannel channel = context.getBean(AgentChannel.class);
            await().atMost(Duration.ofSeconds(10)).until(channel::isReady);
            ZeromqBridge bridge = context.getBean(ZeromqBridge.class);
            assertThat(bridge.properties().serializer()).isEqualTo("broker-bin-v1");
            assertThat(bridge.properties().heartbeatTimeout()).isEqualTo(Duration.ofSeconds(30));

            var health = context.getBean(ZeromqHealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("mode", "embedded-proxy")
                    .containsEntry("nodeId", channel.nodeId())
                    .containsKeys("xpubBound", "xsubBound");
            assertThat((String) health.getDetails().get("xpubBound")).doesNotEndWith(":0");
        });
    }

    @Test
    void registersMetersForTrafficDropsAndSubscriptions() {
        runner.run(context -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(ZeromqMetrics.class).bindTo(registry);
            ZeromqBridge bridge = context.getBean(ZeromqBridge.class);
            bridge.stats().messagesIn.add(3);
            bridge.stats().drop(DropReason.SERIALIZER);

            assertThat(registry.get("hub.zeromq.messages")
                            .tag("direction", "in")
                            .functionCounter()
                            .count())
                    .isEqualTo(3);
            assertThat(registry.get("hub.zeromq.drops")
                            .tag("reason", "serializer")
                            .functionCounter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("hub.zeromq.subscriptions").gauge()).isNotNull();
            assertThat(registry.get("hub.zeromq.decode.errors").functionCounter())
                    .isNotNull();
            assertThat(registry.get("hub.zeromq.bytes").meters()).hasSize(2);
        });
    }

    @Test
    void reportsDownOnceStopped() {
        runner.run(context -> {
            context.getBean(ZeromqBridge.class).stop();

            var health = context.getBean(ZeromqHealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("running", false);
        });
    }

    @Test
    void rejectsAnUnknownSerializer() {
        runner.withPropertyValues("hub.zeromq.serializer=zeek-bin-serializer")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void stopsTheBridgeWithTheContext() {
        ZeromqBridge[] bridge = new ZeromqBridge[1];
        runner.run(context -> bridge[0] = context.getBean(ZeromqBridge.class));

        assertThat(bridge[0].isRunning()).isFalse();
    }

    /** Binds {@link ZeromqProperties} as {@code @ConfigurationPropertiesScan} does in the application. */
    @EnableConfigurationProperties(ZeromqProperties.class)
    static class PropertiesConfiguration {}
}
