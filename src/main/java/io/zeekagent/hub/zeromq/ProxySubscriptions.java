package io.zeekagent.hub.zeromq;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import zmq.Msg;

/**
 * What the embedded proxy must know of subscriptions to play the hub node on its own sockets (proxy thread only):
 *
 * <ul>
 *   <li>the hub's own prefixes, reference-counted as a subscriber's pipe in ZeroMQ's XPUB would be, to pick the events
 *       that are the hub's: a topic is the hub's when one of them is a prefix of it;
 *   <li>the counts of the proxy XSUB's subscription trie, kept alongside it from the same frames, to tell the hub's
 *       subscription logic what a node's VERBOSE XPUB behind that XSUB would have seen: every subscribe, and an
 *       unsubscribe only when the XSUB passes it on, i.e. when its count reaches zero.
 * </ul>
 */
final class ProxySubscriptions {

    private static final byte[][] NONE = new byte[0][];

    private final Map<String, Integer> hub = new HashMap<>();
    private byte[][] hubPrefixes = NONE;
    private final Map<String, Integer> upstream = new HashMap<>();

    /** The hub subscribed to {@code prefix} (one more reference). */
    void hubSubscribed(String prefix) {
        if (hub.merge(prefix, 1, Integer::sum) == 1) {
            refreshPrefixes();
        }
    }

    /** The hub dropped one reference to {@code prefix}; the last one stops its events reaching the hub. */
    void hubUnsubscribed(String prefix) {
        if (release(hub, prefix)) {
            refreshPrefixes();
        }
    }

    /** Whether the message whose first frame is {@code topic} is for the hub (ZeroMQ prefix matching). */
    boolean forHub(Msg topic) {
        int size = topic.size();
        for (byte[] prefix : hubPrefixes) {
            if (startsWith(topic, size, prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The proxy's XSUB was sent a subscribe, which it counts and always passes on; {@code true}. */
    boolean upstreamSubscribed(String topic) {
        upstream.merge(topic, 1, Integer::sum);
        return true;
    }

    /**
     * The proxy's XSUB was sent an unsubscribe; {@code true} when it passes it on: when that was the topic's last
     * reference (not for a topic it does not hold).
     */
    boolean upstreamUnsubscribed(String topic) {
        return release(upstream, topic);
    }

    /** Drops one reference; {@code true} when it was the last. */
    private static boolean release(Map<String, Integer> counts, String topic) {
        Integer count = counts.get(topic);
        if (count == null) {
            return false;
        }
        if (count == 1) {
            counts.remove(topic);
            return true;
        }
        counts.put(topic, count - 1);
        return false;
    }

    private void refreshPrefixes() {
        hubPrefixes = hub.keySet().stream()
                .map(prefix -> prefix.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
    }

    private static boolean startsWith(Msg topic, int size, byte[] prefix) {
        if (prefix.length > size) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (topic.get(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
