package io.zeekagent.hub.zeek;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.zeromq.AgentChannel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link ZeekHello}: the hello heartbeat and the activity summary. */
class ZeekHelloTests {

    private final AgentChannel channel = mock(AgentChannel.class);
    private final ActivityLog activity = mock(ActivityLog.class);
    private final ZeekMetrics metrics = new ZeekMetrics(new SimpleMeterRegistry(), new InboxTracker());
    private final ZeekHello hello = new ZeekHello(
            channel,
            metrics,
            activity,
            new ZeekProperties(
                    true,
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(1),
                    false,
                    List.of(),
                    Duration.ofMinutes(10),
                    false),
            "9.9");

    @Test
    void saysHelloWithItsNodeIdVersionAndIntervalOnceTheBridgeIsReady() {
        when(channel.nodeId()).thenReturn("zeromq_hub_1");
        hello.hello();
        verify(channel, never()).publish(anyString(), any());

        when(channel.isReady()).thenReturn(true);
        hello.hello();

        verify(channel).publish(ZeekTopics.HELLO, HubHello.event("zeromq_hub_1", "9.9", Duration.ofSeconds(5)));
    }

    @Test
    void summarizesOnlyPeriodsWithRequestsAndOnlyWhatIsNew() {
        hello.summarize();
        verifyNoInteractions(activity);

        metrics.requests.add(5);
        metrics.answered(true, 1000);
        metrics.answered(true, 1000);
        metrics.malformed.increment();
        hello.summarize();
        hello.summarize();

        verify(activity)
                .record(
                        eq("zeek"),
                        isNull(),
                        eq(ActivityLog.Level.WARNING),
                        eq(
                                "Zeek attribution: 5 requests, 2 answered, 1 malformed, 0 for inboxes nobody subscribes to"));
    }
}
