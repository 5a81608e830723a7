package io.zeekagent.hub.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs a dispatch tick every {@code hub.dispatch.interval}; the work is in {@link Dispatcher}. */
@Component
class DispatchScheduler {

    private static final Logger log = LoggerFactory.getLogger(DispatchScheduler.class);

    private final Dispatcher dispatcher;
    private final DispatchProperties properties;

    DispatchScheduler(Dispatcher dispatcher, DispatchProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${hub.dispatch.interval:2s}", initialDelayString = "${hub.dispatch.interval:2s}")
    void tick() {
        if (!properties.enabled()) {
            return;
        }
        try {
            dispatcher.tick();
        } catch (RuntimeException e) {
            // A failing tick (database down) must not cancel the schedule; the next tick retries.
            log.warn("Dispatch tick failed: {}", e.toString(), e);
        }
    }
}
