package io.zeekagent.hub.result;

import io.zeekagent.hub.subscription.QueryAnalyzer;
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
                .map(s -> new RoutedSubscription(
                        s.id(), s.columns(), s.kind() == SubscriptionKind.SOCKET_EVENTS, readsUsers(s.query())));
    }

    /**
     * Whether the query reads the {@code users} table and nothing else (in a join, {@code name} or {@code uid} may be
     * another table's); once per cached look-up, not per row.
     */
    private static boolean readsUsers(String sql) {
        try {
            return QueryAnalyzer.analyze(sql, null).tables().equals(java.util.Set.of("users"));
        } catch (RuntimeException e) {
            return false; // stored before today's rules: such a subscription just teaches no names
        }
    }
}
