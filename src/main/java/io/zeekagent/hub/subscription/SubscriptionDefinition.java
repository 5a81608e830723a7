package io.zeekagent.hub.subscription;

import java.util.List;
import java.util.Set;

/** Everything a user defines about a subscription, after defaults and validation; compared to detect changes. */
record SubscriptionDefinition(
        String name,
        String query,
        String event,
        List<String> columns,
        int intervalSeconds,
        UpdateType updateType,
        SubscriptionKind kind,
        Set<String> hosts,
        Set<String> groups,
        boolean enabled) {

    SubscriptionDefinition {
        columns = List.copyOf(columns);
        hosts = Set.copyOf(hosts);
        groups = Set.copyOf(groups);
    }
}
