package io.zeekagent.hub.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Tests for {@link BuiltInSocketEvents} and {@link BuiltInSocketEventsCreator}. */
class BuiltInSocketEventsTests {

    private final SubscriptionService service = mock(SubscriptionService.class);

    @Test
    void createsTheSeedsSocketEventQueryEveryTwoSecondsAddedOnly() {
        when(service.createIfNameAbsent(any())).thenReturn(Optional.empty());
        new BuiltInSocketEventsCreator(service, List.of(BuiltInSocketEventsCreator.v1SocketEvents(properties(true))))
                .ensureExists();

        ArgumentCaptor<SubscriptionRequest> request = ArgumentCaptor.forClass(SubscriptionRequest.class);
        verify(service).createIfNameAbsent(request.capture());
        assertThat(request.getValue().name()).isEqualTo("default socket events (Zeek Agent v1)");
        assertThat(request.getValue().query())
                .isEqualTo("SELECT syscall, pid, fd, exe, local_address, remote_address, local_port, remote_port,"
                        + " time, success, uid FROM socket_events WHERE family = 2");
        assertThat(request.getValue().intervalSeconds()).isEqualTo(2);
        assertThat(request.getValue().updateType()).isEqualTo(UpdateType.ADDED);
        assertThat(request.getValue().kind()).isEqualTo(SubscriptionKind.SOCKET_EVENTS);
        assertThat(request.getValue().enabled()).isTrue();
    }

    @Test
    void createsEachEnabledBuiltInAndSkipsTheOnesTurnedOff() {
        when(service.createIfNameAbsent(any())).thenReturn(Optional.empty());
        List<BuiltInSocketEvents> builtIns = List.of(
                BuiltInSocketEventsCreator.v1SocketEvents(properties(false)),
                new BuiltInSocketEvents("a", "SELECT pid FROM sockets_events", "v2", true),
                new BuiltInSocketEvents("b", "SELECT pid FROM sockets_events", "v2", false));

        new BuiltInSocketEventsCreator(service, builtIns).ensureExists();

        ArgumentCaptor<SubscriptionRequest> request = ArgumentCaptor.forClass(SubscriptionRequest.class);
        verify(service, times(1)).createIfNameAbsent(request.capture());
        assertThat(request.getValue().name()).isEqualTo("a");
    }

    private static SubscriptionProperties properties(boolean enabled) {
        return new SubscriptionProperties(Duration.ofSeconds(10), "ZeekAgent::query_result", enabled);
    }
}
