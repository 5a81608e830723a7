package io.zeekagent.hub.webhook;

import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.zeekagent.hub.host.HostStatus;
import io.zeekagent.hub.host.HostStatusChanged;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link WebhookEventsListener} and {@link WebhookObservers}: which hub events raise which webhooks. */
class WebhookEventsListenerTests {

    private final WebhookService webhooks = mock(WebhookService.class);

    @Test
    void hostStatusChangesRaiseHostOnlineAndHostOffline() {
        WebhookEventsListener listener = new WebhookEventsListener(webhooks);

        listener.on(new HostStatusChanged("h1", HostStatus.ONLINE));
        listener.on(new HostStatusChanged("h1", HostStatus.OFFLINE));
        listener.on(new HostStatusChanged("h2", HostStatus.PENDING));

        verify(webhooks).raise(WebhookEventType.HOST_ONLINE, Map.of("hostId", "h1", "status", "ONLINE"));
        verify(webhooks).raise(WebhookEventType.HOST_OFFLINE, Map.of("hostId", "h1", "status", "OFFLINE"));
        verify(webhooks, never())
                .raise(eq(WebhookEventType.HOST_ONLINE), eq(Map.of("hostId", "h2", "status", "PENDING")));
    }

    @Test
    void completedQueriesAndWatchedContactsAreRaisedWithCanonicalAddresses() {
        WebhookObservers observers = new WebhookObservers(webhooks);
        when(webhooks.watching()).thenReturn(true);

        observers.completed("q1", "SELECT 1", 2);
        observers.stored("h1", "::ffff:203.0.113.9", 443, 7L, "/usr/bin/curl", null);
        observers.stored("h1", null, null, null, null, null);

        verify(webhooks).raise(eq(WebhookEventType.QUERY_COMPLETED), anyMap());
        verify(webhooks).contacted(eq("203.0.113.9"), anyMap());
    }
}
