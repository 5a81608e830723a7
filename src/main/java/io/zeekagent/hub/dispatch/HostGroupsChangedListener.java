package io.zeekagent.hub.dispatch;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Hands {@link HostGroupsChanged} events to the dispatcher. */
@Component
class HostGroupsChangedListener {

    private final Dispatcher dispatcher;

    HostGroupsChangedListener(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @EventListener
    void on(HostGroupsChanged event) {
        dispatcher.groupsChanged(event.hostId(), event.added(), event.removed());
    }
}
