package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.attribution.AttributionService;
import io.zeekagent.hub.attribution.LiveAttributionFixture;
import io.zeekagent.hub.zeromq.AgentChannel;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Tests for {@link ZeekConfiguration}: wired onto the bridge by default, left out with {@code hub.zeek.enabled=false}. */
class ZeekConfigurationTests {

    private final AgentChannel channel = mock(AgentChannel.class);

    private final ApplicationContextRunner runner = runner(false);

    private ApplicationContextRunner runner(@Nullable Boolean answerOnSocketThread) {
        return new ApplicationContextRunner()
                .withUserConfiguration(ZeekConfiguration.class)
                .withBean(AgentChannel.class, () -> channel)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(ActivityLog.class, () -> mock(ActivityLog.class))
                .withBean(AttributionService.class, () -> new LiveAttributionFixture(10).service())
                .withBean(
                        ZeekProperties.class,
                        () -> new ZeekProperties(
                                true,
                                Duration.ofSeconds(5),
                                Duration.ofMinutes(1),
                                false,
                                List.of(),
                                Duration.ofMinutes(10),
                                answerOnSocketThread));
    }

    @Test
    void subscribesToTheRequestTopicAndListensForInboxesByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ZeekRequestHandler.class).hasSingleBean(ZeekHello.class);
            verify(channel).subscribe(eq(ZeekTopics.REQUEST), any());
            verify(channel).addSubscriptionListener(any(InboxTracker.class));
        });
    }

    @Test
    void answersOnTheSocketThreadOnlyWhenAskedTo() {
        runner(true).run(context -> verify(channel).subscribeInline(eq(ZeekTopics.REQUEST), any(), any()));
    }

    @Test
    void byDefaultAnswersOnTheSocketThreadOnlyWhenItIsTheEmbeddedProxys() {
        runner(null).run(context -> verify(channel).subscribe(eq(ZeekTopics.REQUEST), any()));
        when(channel.inlineOnProxyThread()).thenReturn(true);
        runner(null).run(context -> verify(channel).subscribeInline(eq(ZeekTopics.REQUEST), any(), any()));
        runner(false).run(context -> verify(channel, times(2)).subscribe(eq(ZeekTopics.REQUEST), any()));
    }

    @Test
    void leavesEverythingOutWhenDisabled() {
        runner.withPropertyValues("hub.zeek.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ZeekRequestHandler.class).doesNotHaveBean(ZeekHello.class);
            verifyNoInteractions(channel);
        });
    }
}
