package io.zeekagent.hub.dispatch;

import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.host.OnlineHost;
import io.zeekagent.hub.subscription.SubscriptionResponse;
import io.zeekagent.hub.subscription.SubscriptionService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link DesiredStateSource} on the host and subscription features' services. */
@Component
class FeatureDesiredState implements DesiredStateSource {

    private final HostService hosts;
    private final SubscriptionService subscriptions;

    FeatureDesiredState(HostService hosts, SubscriptionService subscriptions) {
        this.hosts = hosts;
        this.subscriptions = subscriptions;
    }

    @Override
    public List<DispatchHost> onlineHosts() {
        List<DispatchHost> online = new ArrayList<>();
        for (OnlineHost h : hosts.onlineHosts()) {
            if (h.transport() != null) {
                online.add(new DispatchHost(h.hostId(), h.transport(), h.groups()));
            }
        }
        return online;
    }

    @Override
    public List<DesiredSubscription> enabledSubscriptions() {
        List<DesiredSubscription> desired = new ArrayList<>();
        for (SubscriptionResponse s : subscriptions.enabledSubscriptions()) {
            desired.add(new DesiredSubscription(command(s), s.hosts(), s.groups()));
        }
        return desired;
    }

    static SubscriptionCommand command(SubscriptionResponse s) {
        return new SubscriptionCommand(
                s.id(),
                s.revision(),
                s.event(),
                s.query(),
                s.id(),
                s.updateType().name(),
                s.intervalSeconds());
    }
}
