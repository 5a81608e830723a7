package io.zeekagent.hub.subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The socket-event subscription the hub runs out of the box: the seed framework's query (its
 * {@code socket_events WHERE family = 2}, every 2 s, ADDED), so v1 agents feed attribution without anyone having to
 * know the agent's tables. Created once and found again by name, so editing, disabling or deleting it sticks across
 * restarts only as far as the operator wants: deleting it brings it back at the next start unless
 * {@code hub.subscription.default-socket-events=false}.
 */
@Component
class DefaultSocketEventsSubscription {

    static final String NAME = "default socket events (Zeek Agent v1)";
    static final String QUERY = "SELECT syscall, pid, fd, exe, local_address, remote_address, local_port, remote_port,"
            + " time, success, uid FROM socket_events WHERE family = 2";

    private static final Logger log = LoggerFactory.getLogger(DefaultSocketEventsSubscription.class);

    private final SubscriptionService subscriptions;
    private final SubscriptionProperties properties;

    DefaultSocketEventsSubscription(SubscriptionService subscriptions, SubscriptionProperties properties) {
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
                .ifPresent(created -> log.info("Created the default v1 socket-event subscription {}", created.id()));
    }
}
