package io.zeekagent.hub.result;

import java.util.Optional;

/** Finds the subscription a cookie names; adapted to the subscription feature's service. */
interface SubscriptionLookup {

    Optional<RoutedSubscription> find(String subscriptionId);
}
