package io.zeekagent.hub.zeromq;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The topics some peer of the cluster currently subscribes to, as seen on the hub's XPUB (VERBOSE) socket. Written by
 * the socket thread, read by anyone; {@link #awaitMatch} is how a publisher avoids the slow-joiner loss.
 */
final class ClusterSubscriptions {

    /** Zeek's readiness probes ({@code internal_topic_prefix}); not real interest in events, so not reported. */
    static final String INTERNAL_PREFIX = "zeek.zeromq.internal.";

    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final Object changed = new Object();

    /** Records a subscribe notification; {@code false} for internal readiness topics. */
    boolean subscribed(String topic) {
        if (topic.startsWith(INTERNAL_PREFIX)) {
            return false;
        }
        topics.add(topic);
        synchronized (changed) {
            changed.notifyAll();
        }
        return true;
    }

    /** Records that the last subscriber of {@code topic} is gone; {@code false} for internal readiness topics. */
    boolean unsubscribed(String topic) {
        if (topic.startsWith(INTERNAL_PREFIX)) {
            return false;
        }
        topics.remove(topic);
        return true;
    }

    /** Whether some subscription would let a message on {@code topic} through (ZeroMQ prefix matching). */
    boolean matches(String topic) {
        for (String prefix : topics) {
            if (topic.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Waits until {@link #matches} holds for {@code topic} or the timeout passes. */
    boolean awaitMatch(String topic, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (!matches(topic)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    int size() {
        return topics.size();
    }

    void clear() {
        topics.clear();
    }
}
