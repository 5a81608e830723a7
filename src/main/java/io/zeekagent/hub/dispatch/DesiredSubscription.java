package io.zeekagent.hub.dispatch;

import java.util.Collections;
import java.util.Set;

/**
 * An enabled subscription and whom it targets.
 *
 * @param command what to send
 * @param hosts host ids named explicitly
 * @param groups groups named; a subscription naming neither hosts nor groups targets every host
 */
public record DesiredSubscription(SubscriptionCommand command, Set<String> hosts, Set<String> groups) {

    public DesiredSubscription {
        hosts = Set.copyOf(hosts);
        groups = Set.copyOf(groups);
    }

    /** Whether this subscription should run on {@code host}. */
    boolean targets(DispatchHost host) {
        if (hosts.isEmpty() && groups.isEmpty()) {
            return true;
        }
        return hosts.contains(host.hostId()) || !Collections.disjoint(groups, host.groups());
    }
}
