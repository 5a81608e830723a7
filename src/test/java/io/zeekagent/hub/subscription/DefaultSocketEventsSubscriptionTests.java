package io.zeekagent.hub.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Tests for {@link DefaultSocketEventsSubscription}. */
class DefaultSocketEventsSubscriptionTests {

    private final SubscriptionService service = mock(SubscriptionService.class);

    @Test
    void createsTheSeedsSocketEventQueryEveryTwoSecondsAddedOnly() {
        when(service.createIfNameAbsent(any())).thenReturn(Optional.empty());
        new DefaultSocketEventsSubscription(service, properties(true)).ensureExists();

        ArgumentCaptor<SubscriptionRequest> request = ArgumentCaptor.forClass(SubscriptionRequest.class);
        verify(service).createIfNameAbsent(request.capture());
        assertThat(request.getValue().query())
                .isEqualTo("SELECT syscall, pid, fd, exe, local_address, remote_address, local_port, remote_port,"
                        + " time, success, uid FROM socket_events WHERE family = 2");
        assertThat(request.getValue().intervalSeconds()).isEqualTo(2);
        assertThat(request.getValue().updateType()).isEqualTo(UpdateType.ADDED);
        assertThat(request.getValue().kind()).isEqualTo(SubscriptionKind.SOCKET_EVENTS);
    }

    @Test
    void createsNothingWhenTurnedOff() {
        new DefaultSocketEventsSubscription(service, properties(false)).ensureExists();
        verify(service, never()).createIfNameAbsent(any());
    }

    private static SubscriptionProperties properties(boolean enabled) {
        return new SubscriptionProperties(Duration.ofSeconds(10), "ZeekAgent::query_result", enabled);
    }
}
