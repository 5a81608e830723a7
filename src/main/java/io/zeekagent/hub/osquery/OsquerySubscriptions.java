package io.zeekagent.hub.osquery;

import io.zeekagent.hub.subscription.SubscriptionKind;
import io.zeekagent.hub.subscription.SubscriptionResponse;
import io.zeekagent.hub.subscription.SubscriptionService;
import io.zeekagent.hub.subscription.UpdateType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The subscriptions result lines name, looked up once and cached a few seconds: a log batch of 1,024 lines names
 * one or two of them, and the database is not asked 1,024 times.
 */
@Component
class OsquerySubscriptions {

    private static final Duration TTL = Duration.ofSeconds(5);

    private final SubscriptionService subscriptions;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    OsquerySubscriptions(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    Optional<Target> find(@Nullable String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Cached c = cache.get(id);
        if (c == null || c.expires().isBefore(now)) {
            Optional<Target> found = subscriptions.find(id).map(Target::of);
            if (cache.size() > 10_000) {
                cache.clear();
            }
            c = new Cached(found, now.plus(TTL));
            cache.put(id, c);
        }
        return c.target();
    }

    /**
     * What routing a result row needs of its subscription.
     *
     * @param id the subscription id
     * @param kind RESULTS or SOCKET_EVENTS
     * @param updateType which changes are kept
     * @param columns column names in SELECT order
     */
    record Target(String id, SubscriptionKind kind, UpdateType updateType, List<String> columns) {

        static Target of(SubscriptionResponse s) {
            return new Target(s.id(), s.kind(), s.updateType(), List.copyOf(s.columns()));
        }
    }

    private record Cached(Optional<Target> target, Instant expires) {}
}
