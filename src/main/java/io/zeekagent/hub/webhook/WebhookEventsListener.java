package io.zeekagent.hub.webhook;

import io.zeekagent.hub.host.HostStatus;
import io.zeekagent.hub.host.HostStatusChanged;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Turns other features' events into webhook deliveries, after their transaction committed. */
@Component
class WebhookEventsListener {

    private final WebhookService webhooks;

    WebhookEventsListener(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(HostStatusChanged event) {
        if (event.status() == HostStatus.ONLINE || event.status() == HostStatus.OFFLINE) {
            webhooks.raise(
                    event.status() == HostStatus.ONLINE ? WebhookEventType.HOST_ONLINE : WebhookEventType.HOST_OFFLINE,
                    Map.of("hostId", event.hostId(), "status", event.status().name()));
        }
    }
}
