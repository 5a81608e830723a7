package io.zeekagent.hub.result;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.attribution.UserNames;
import io.zeekagent.hub.system.DatabaseOutage;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes every result row, whatever the transport, by its cookie: cookies a {@link RowHandler} claims (one-shot
 * queries) to it, rows of
 * SOCKET_EVENTS subscriptions to the ingest feature, rows of RESULTS subscriptions to the batch writer. A row with
 * an unknown cookie is counted, logged (once a minute per cookie) and dropped. Never blocks.
 */
@Service
public class ResultRouter {

    /** How long routing uses last-seen subscriptions without asking the database, after a look-up failed. */
    static final Duration LOOKUP_PAUSE = Duration.ofSeconds(30);

    private final SubscriptionLookup subscriptions;
    private final SocketEventSink socketEvents;
    private final List<RowHandler> handlers;
    private final ResultWriter writer;
    private final UserNames users;
    private final ActivityLog activity;
    private final JsonMapper json;
    private final ResultsProperties properties;
    private final Counter unknownCookies;
    private final Counter routedResults;
    private final Counter routedSocketEvents;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Instant> unknownLogged = new ConcurrentHashMap<>();
    /** Until when no look-up is tried, after one failed: the database is away (see {@link #lookup}). */
    private volatile Instant lookupsPausedUntil = Instant.MIN;

    ResultRouter(
            SubscriptionLookup subscriptions,
            SocketEventSink socketEvents,
            List<RowHandler> handlers,
            ResultWriter writer,
            UserNames users,
            ActivityLog activity,
            JsonMapper json,
            ResultsProperties properties,
            MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.socketEvents = socketEvents;
        this.handlers = List.copyOf(handlers);
        this.writer = writer;
        this.users = users;
        this.activity = activity;
        this.json = json;
        this.properties = properties;
        this.unknownCookies = meters.counter("hub.results.dropped", "reason", "unknown_cookie");
        this.routedResults = meters.counter("hub.results.routed", "kind", "results");
        this.routedSocketEvents = meters.counter("hub.results.routed", "kind", "socket_events");
    }

    /** Routes one row. */
    public void accept(AgentRow row) {
        for (RowHandler handler : handlers) {
            if (handler.handles(row.cookie())) {
                if (!handler.accept(row)) {
                    unknown(row);
                    return;
                }
                List<String> columns = handler.usersColumns(row.cookie());
                if (columns != null) {
                    learnUser(row, columns);
                }
                return;
            }
        }
        Optional<RoutedSubscription> target = lookup(row.cookie());
        if (target.isEmpty()) {
            unknown(row);
            return;
        }
        RoutedSubscription s = target.get();
        if (s.socketEvents()) {
            routedSocketEvents.increment();
            // In column order, no map: this is the ingestion hot path.
            socketEvents.ingest(
                    row.hostId(),
                    row.transport(),
                    s.columns(),
                    Collections.singletonList(RowValues.array(row.values())));
        } else {
            Map<String, @Nullable Object> values = RowValues.object(s.columns(), row.values());
            if (s.readsUsers()) {
                learnUser(row, s.columns());
            }
            routedResults.increment();
            writer.offer(new StoredResult(
                    s.id(), row.hostId(), row.update(), row.receivedAt(), json.writeValueAsString(values)));
        }
    }

    /** A {@code users} row teaches attribution the host's uid → name; only such rows pay for it. */
    private void learnUser(AgentRow row, List<String> columns) {
        if (UserNames.describesUsers(columns)) {
            users.learn(row.hostId(), columns, RowValues.array(row.values()), row.update() == RowUpdate.REMOVE);
        }
    }

    /** Forgets cached subscriptions (after an edit, in tests). */
    public void invalidate(String subscriptionId) {
        cache.remove(subscriptionId);
    }

    private Optional<RoutedSubscription> lookup(String id) {
        Instant now = Instant.now();
        Cached c = cache.get(id);
        if (c == null || c.expires().isBefore(now)) {
            if (c != null && now.isBefore(lookupsPausedUntil)) {
                return c.subscription();
            }
            Optional<RoutedSubscription> found;
            try {
                found = subscriptions.find(id);
            } catch (RuntimeException e) {
                // The database is away. The subscriptions as last seen still route rows (socket events then go to
                // the writer's spool), and no look-up is tried for any cookie for LOOKUP_PAUSE: each attempt waits
                // for the pool's connection timeout on this thread, the bridge's only dispatch thread, and one
                // blocked attempt per cookie and TTL stalled it so long that its inbound queue overflowed.
                if (DatabaseOutage.isOutage(e)) {
                    lookupsPausedUntil = now.plus(LOOKUP_PAUSE);
                }
                if (c == null) {
                    throw e;
                }
                cache.put(id, new Cached(c.subscription(), now.plus(properties.lookupCacheTtl())));
                return c.subscription();
            }
            c = new Cached(found, now.plus(properties.lookupCacheTtl()));
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(id, c);
        }
        return c.subscription();
    }

    private void unknown(AgentRow row) {
        unknownCookies.increment();
        Instant now = Instant.now();
        Instant last = unknownLogged.get(row.cookie());
        if (last == null || last.isBefore(now.minusSeconds(60))) {
            if (unknownLogged.size() > 10_000) {
                unknownLogged.clear();
            }
            unknownLogged.put(row.cookie(), now);
            activity.record(
                    ActivityLog.SOURCE_HOST,
                    row.hostId(),
                    ActivityLog.Level.WARNING,
                    "Dropped result row with unknown cookie '" + row.cookie() + "' (further ones counted in"
                            + " hub.results.dropped for a minute)");
        }
    }

    /** A lookup result and when it expires. */
    private record Cached(Optional<RoutedSubscription> subscription, Instant expires) {}
}
