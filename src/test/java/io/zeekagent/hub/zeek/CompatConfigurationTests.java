package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.group.GroupService;
import io.zeekagent.hub.host.HostPresenceService;
import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.query.OneShotQueryService;
import io.zeekagent.hub.subscription.SubscriptionService;
import io.zeekagent.hub.zeromq.AgentChannel;
import io.zeekagent.hub.zeromq.TestHub;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.zeromq.ZMQ;

/**
 * Tests for {@link CompatConfiguration} on real bridges: {@code hub.zeek.control-keys} is accepted only where the hub
 * can tell which CURVE key sent an event (its own proxy with CURVE on), and stops the start everywhere else.
 */
class CompatConfigurationTests {

    private static final ZMQ.Curve.KeyPair SERVER = ZMQ.Curve.generateKeyPair();
    private static final ZMQ.Curve.KeyPair ZEEK = ZMQ.Curve.generateKeyPair();
    private static final ZMQ.Curve.KeyPair AGENT = ZMQ.Curve.generateKeyPair();

    @Test
    void startsWithControlKeysWhenItRunsTheProxyWithCurve() {
        try (TestHub hub = curveHub()) {
            runner(hub.channel())
                    .withPropertyValues("hub.zeek.control-enabled=true", "hub.zeek.control-keys=" + ZEEK.publicKey)
                    .run(context -> assertThat(context).hasNotFailed().hasSingleBean(CompatControl.class));
        }
    }

    @Test
    void refusesToStartWithControlKeysBehindAnExternalProxyEvenWithCurve() {
        int[] ports = ZeekTestPorts.distinct(2);
        try (TestHub node = TestHub.start(
                "mode",
                "connect",
                "xpub-endpoint",
                "tcp://127.0.0.1:" + ports[0],
                "xsub-endpoint",
                "tcp://127.0.0.1:" + ports[1],
                "curve.server-public-key",
                SERVER.publicKey,
                "curve.client-public-key",
                ZEEK.publicKey,
                "curve.client-secret-key",
                ZEEK.secretKey)) {
            assertRefusedToStart(node.channel());
        }
    }

    @Test
    void refusesToStartWithControlKeysWhenItsProxyHasNoCurve() {
        try (TestHub hub = TestHub.start()) {
            assertRefusedToStart(hub.channel());
            runner(hub.channel())
                    .withPropertyValues("hub.zeek.control-enabled=true")
                    .run(context -> assertThat(context)
                            .as("without control keys it starts as before")
                            .hasNotFailed());
        }
    }

    @Test
    void refusesAControlKeyThatIsNotAZ85CurveKey() {
        try (TestHub hub = curveHub()) {
            runner(hub.channel())
                    .withPropertyValues("hub.zeek.control-keys=" + ZEEK.publicKey + ",not-a-key")
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure())
                                .rootCause()
                                .hasMessageContaining("hub.zeek.control-keys[1]")
                                .hasMessageContaining("Z85");
                    });
        }
    }

    private void assertRefusedToStart(AgentChannel channel) {
        runner(channel)
                .withPropertyValues("hub.zeek.control-enabled=true", "hub.zeek.control-keys=" + ZEEK.publicKey)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("hub.zeek.control-keys is set")
                            .hasMessageContaining("hub.zeromq.mode=embedded-proxy")
                            .hasMessageContaining("hub.zeromq.curve.server-secret-key");
                });
    }

    private static TestHub curveHub() {
        return TestHub.start(
                "curve.server-public-key", SERVER.publicKey,
                "curve.server-secret-key", SERVER.secretKey,
                "curve.allowed-client-keys", ZEEK.publicKey + "," + AGENT.publicKey);
    }

    private static ApplicationContextRunner runner(AgentChannel channel) {
        return new ApplicationContextRunner()
                .withUserConfiguration(CompatConfiguration.class, PropertiesConfiguration.class)
                .withBean(AgentChannel.class, () -> channel)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(ActivityLog.class, () -> mock(ActivityLog.class))
                .withBean(Clock.class, Clock::systemUTC)
                .withBean(SubscriptionService.class, () -> mock(SubscriptionService.class))
                .withBean(GroupService.class, () -> mock(GroupService.class))
                .withBean(OneShotQueryService.class, () -> mock(OneShotQueryService.class))
                .withBean(HostPresenceService.class, () -> mock(HostPresenceService.class))
                .withBean(HostService.class, () -> mock(HostService.class));
    }

    /** Binds {@link ZeekProperties} as {@code @ConfigurationPropertiesScan} does in the application. */
    @EnableConfigurationProperties(ZeekProperties.class)
    static class PropertiesConfiguration {}
}
