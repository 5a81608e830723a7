package io.zeekagent.hub.subscription;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Creates every enabled {@link BuiltInSocketEvents} that does not exist yet (by name) once the hub is ready, and
 * declares the v1 one ({@code hub.subscription.default-socket-events}); the WebSocket feature declares the v2 one.
 */
@Configuration(proxyBeanMethods = false)
class BuiltInSocketEventsCreator {

    private static final Logger log = LoggerFactory.getLogger(BuiltInSocketEventsCreator.class);

    @Bean
    static BuiltInSocketEvents v1SocketEvents(SubscriptionProperties properties) {
        return new BuiltInSocketEvents(
                BuiltInSocketEvents.V1_NAME, BuiltInSocketEvents.V1_QUERY, "v1", properties.defaultSocketEvents());
    }

    private final SubscriptionService subscriptions;
    private final List<BuiltInSocketEvents> builtIns;

    BuiltInSocketEventsCreator(SubscriptionService subscriptions, List<BuiltInSocketEvents> builtIns) {
        this.subscriptions = subscriptions;
        this.builtIns = builtIns;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureExists() {
        for (BuiltInSocketEvents builtIn : builtIns) {
            if (!builtIn.enabled()) {
                continue;
            }
            try {
                subscriptions
                        .createIfNameAbsent(builtIn.request())
                        .ifPresent(created -> log.info(
                                "Created the default {} socket-event subscription {}", builtIn.agents(), created.id()));
            } catch (DataIntegrityViolationException raced) {
                // Another replica created it between our check and our insert (same name-based id): one exists.
                log.info("The default {} socket-event subscription was created by another replica", builtIn.agents());
            }
        }
    }
}
