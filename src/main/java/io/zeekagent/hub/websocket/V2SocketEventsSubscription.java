package io.zeekagent.hub.websocket;

import io.zeekagent.hub.subscription.SubscriptionKind;
import io.zeekagent.hub.subscription.SubscriptionRequest;
import io.zeekagent.hub.subscription.SubscriptionService;
import io.zeekagent.hub.subscription.UpdateType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The v2 twin of the default socket-event subscription: the same socket events for attribution, read from v2's
 * {@code sockets_events}. v1 agents lack that table and v2 agents lack v1's {@code socket_events}, so each kind runs
 * exactly one of the two. Created once (found again by name), so editing or disabling it sticks.
 */
@Component
class V2SocketEventsSubscription {

    static final String NAME = "default socket events (Zeek Agent v2)";
    static final String QUERY = "SELECT time, pid, process, uid, family, protocol, local_addr, local_port, remote_addr,"
            + " remote_port, state FROM sockets_events";

    private static final Logger log = LoggerFactory.getLogger(V2SocketEventsSubscription.class);

    private final SubscriptionService subscriptions;
    private final WebSocketProperties properties;

    V2SocketEventsSubscription(SubscriptionService subscriptions, WebSocketProperties properties) {
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureExists() {
        if (!properties.defaultSocketEvents()) {
            return;
        }
        subscriptions
                .createIfNameAbsent(new SubscriptionRequest(
                        NAME, QUERY, null, null, 2, UpdateType.ADDED, SubscriptionKind.SOCKET_EVENTS, null, null, true))
                .ifPresent(created -> log.info("Created the default v2 socket-event subscription {}", created.id()));
    }
}
