package io.zeekagent.hub.zeek;

import io.zeekagent.hub.zeromq.SubscriptionListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Zeek inboxes ({@code zeek-agent-hub.node.<id>.}) some peer subscribes to right now, from the subscriptions
 * the bridge sees, so that the hub answers only where someone listens (a request carrying a made-up inbox, or one
 * whose Zeek has gone, costs no publish).
 */
final class InboxTracker implements SubscriptionListener {

    private final Set<String> inboxes = ConcurrentHashMap.newKeySet();

    @Override
    public void onSubscriptionChange(String topic, boolean subscribed) {
        if (!topic.startsWith(ZeekTopics.NODE_PREFIX)) {
            return;
        }
        if (subscribed) {
            inboxes.add(topic);
        } else {
            inboxes.remove(topic);
        }
    }

    /** Whether a publish on {@code inbox} reaches a subscriber (exactly, or through a shorter subscribed prefix). */
    boolean isSubscribed(String inbox) {
        if (inboxes.contains(inbox)) {
            return true;
        }
        for (String prefix : inboxes) {
            if (inbox.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return inboxes.size();
    }
}
