package io.zeekagent.hub.dispatch;

import io.zeekagent.hub.host.HostGroupsAssigned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Hands {@link HostGroupsAssigned} events to the dispatcher. */
@Component
class HostGroupsAssignedListener {

    private final Dispatcher dispatcher;

    HostGroupsAssignedListener(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @EventListener
    void on(HostGroupsAssigned event) {
        dispatcher.groupsChanged(event.hostId(), event.added(), event.removed());
    }
}
