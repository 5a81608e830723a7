package io.zeekagent.hub.result;

import io.zeekagent.hub.subscription.SubscriptionKind;
import io.zeekagent.hub.subscription.SubscriptionService;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link SubscriptionLookup} on the subscription feature's service. */
@Component
class SubscriptionServiceLookup implements SubscriptionLookup {

    private final SubscriptionService subscriptions;

    SubscriptionServiceLookup(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public Optional<RoutedSubscription> find(String subscriptionId) {
        return subscriptions
                .find(subscriptionId)
                .map(s -> new RoutedSubscription(s.id(), s.columns(), s.kind() == SubscriptionKind.SOCKET_EVENTS));
    }
}
