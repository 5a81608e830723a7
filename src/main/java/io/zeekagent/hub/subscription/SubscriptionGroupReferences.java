package io.zeekagent.hub.subscription;

import io.zeekagent.hub.group.GroupReferences;
import java.util.List;
import org.springframework.stereotype.Component;

/** Keeps a group that a subscription targets from being deleted. */
@Component
class SubscriptionGroupReferences implements GroupReferences {

    private final SubscriptionRepository subscriptions;

    SubscriptionGroupReferences(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public List<String> referencesTo(String group) {
        return subscriptions.findByGroup(group).stream()
                .map(s -> "subscription '" + s.getName() + "' (" + s.getId() + ")")
                .toList();
    }
}
