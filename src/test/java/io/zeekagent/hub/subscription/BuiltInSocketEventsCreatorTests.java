package io.zeekagent.hub.subscription;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Tests for {@link BuiltInSocketEventsCreator} when replicas start together. */
class BuiltInSocketEventsCreatorTests {

    @Test
    void anInsertLostToAnotherReplicaIsNotAStartupFailureAndTheNextBuiltInIsStillMade() {
        SubscriptionService service = mock(SubscriptionService.class);
        when(service.createIfNameAbsent(any()))
                .thenThrow(new DataIntegrityViolationException("duplicate key value violates unique constraint"))
                .thenReturn(Optional.empty());
        BuiltInSocketEventsCreator creator = new BuiltInSocketEventsCreator(
                service,
                List.of(
                        new BuiltInSocketEvents("one", "SELECT pid FROM socket_events", "v1", true),
                        new BuiltInSocketEvents("two", "SELECT pid FROM sockets_events", "v2", true),
                        new BuiltInSocketEvents("off", "SELECT pid FROM socket_events", "osquery", false)));

        assertThatCode(creator::ensureExists).doesNotThrowAnyException();

        verify(service, times(2)).createIfNameAbsent(any());
    }
}
