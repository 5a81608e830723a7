package io.zeekagent.hub.dispatch;

import io.zeekagent.hub.host.HostAddressesChanged;
import io.zeekagent.hub.host.HostGroupsAssigned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Hands the host feature's events to the dispatcher: group assignments, and deleted hosts to forget. */
@Component
class HostEventsListener {

    private final Dispatcher dispatcher;

    HostEventsListener(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @EventListener
    void on(HostGroupsAssigned event) {
        dispatcher.groupsChanged(event.hostId(), event.added(), event.removed());
    }

    /** After the deletion is committed: a rolled-back deletion must not lose what the host runs. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(HostAddressesChanged event) {
        if (event.deleted()) {
            dispatcher.hostDeleted(event.host().hostId());
        }
    }
}
