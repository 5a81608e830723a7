package io.zeekagent.hub.query;

import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.cluster.HostOwnership;
import io.zeekagent.hub.dispatch.AgentTransport;
import io.zeekagent.hub.dispatch.AgentTransports;
import io.zeekagent.hub.dispatch.ExecuteCommand;
import io.zeekagent.hub.result.AgentRow;
import io.zeekagent.hub.result.RowHandler;
import io.zeekagent.hub.result.RowValues;
import io.zeekagent.hub.system.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * One-shot queries: {@code host_execute} to every target once, answers collected by cookie, long-polled without
 * holding a servlet thread (the poll is a {@link CompletableFuture} completed when the last target answered or
 * the wait ran out).
 */
@Service
public class OneShotQueryService implements RowHandler {

    /** Cookies of one-shot queries start with this, so rows are told apart from subscription rows at a glance. */
    public static final String COOKIE_PREFIX = "query-";

    private final QueryPlanner planner;
    private final AgentTransports transports;
    private final OneShotQueryStore store;
    private final ActivityLog activity;
    private final JsonMapper json;
    private final QueryProperties properties;
    private final HostOwnership ownership;
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final List<OneShotQueryStore.PendingRow> buffer = new ArrayList<>();

    private final ObjectProvider<QueryCompletionObserver> observers;

    OneShotQueryService(
            QueryPlanner planner,
            AgentTransports transports,
            OneShotQueryStore store,
            ActivityLog activity,
            JsonMapper json,
            QueryProperties properties,
            HostOwnership ownership,
            ObjectProvider<QueryCompletionObserver> observers) {
        this.observers = observers;
        this.planner = planner;
        this.transports = transports;
        this.store = store;
        this.activity = activity;
        this.json = json;
        this.properties = properties;
        this.ownership = ownership;
    }

    /** Whether a cookie names a one-shot query rather than a subscription. */
    @Override
    public boolean handles(String cookie) {
        return cookie.startsWith(COOKIE_PREFIX);
    }

    /** Validates the SQL, resolves the targets, sends {@code host_execute} to each reachable one. */
    public QueryAccepted create(CreateQueryRequest request) {
        return create(request, properties.event(), null, null);
    }

    /**
     * As {@link #create(CreateQueryRequest)}, with the answer rows named {@code event} on the wire and also handed to
     * {@code tap} as they come (a Zeek's {@code ZeekAgent::execute}, whose rows go back to that Zeek); the query is
     * stored and visible over REST as any other, with its {@code owner} ("zeek:<name>").
     */
    public QueryAccepted create(
            CreateQueryRequest request, String event, @Nullable Consumer<AgentRow> tap, @Nullable String owner) {
        List<String> columns = planner.columns(request.query());
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        ExecuteCommand command = new ExecuteCommand(COOKIE_PREFIX + id, event, request.query());
        List<HostAnswer> hosts = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        List<String> notSent = new ArrayList<>();
        List<Runnable> sends = new ArrayList<>();
        List<QueryTarget> targets = planner.targets(request.hostSet(), request.groupSet());
        Set<String> owned = ownership.isShared()
                ? ownership.ownedAmong(targets.stream().map(QueryTarget::hostId).toList())
                : Set.of();
        boolean routed = false;
        for (QueryTarget t : targets) {
            Optional<AgentTransport> transport = t.online() && t.transport() != null
                    ? transports.reachable(t.transport(), t.hostId())
                    : Optional.empty();
            if (ownership.isShared() && t.online() && t.transport() != null && !owned.contains(t.hostId())) {
                // Another replica holds the agent: it sends when it next reads unsent targets (OwnedQueryTargets).
                sent.add(t.hostId());
                hosts.add(new HostAnswer(t.hostId(), "PENDING", null, null, List.of(), null));
                routed = true;
            } else if (transport.isPresent()) {
                sent.add(t.hostId());
                hosts.add(new HostAnswer(t.hostId(), "PENDING", now, null, List.of(), null));
                sends.add(() -> transport.get().execute(t.hostId(), command));
            } else {
                notSent.add(t.hostId());
                hosts.add(new HostAnswer(t.hostId(), "NOT_SENT", null, null, List.of(), null));
            }
        }
        store.create(new OneShotQueryStore.Header(id, request.query(), columns, now, owner), hosts);
        Active a = new Active(
                id,
                columns,
                now,
                ConcurrentHashMap.newKeySet(),
                new CompletableFuture<>(),
                tap,
                routed,
                planner.readsUsers(request.query()));
        a.pending().addAll(sent);
        int sentCount = sent.size();
        a.done().thenRun(() -> observers.forEach(o -> o.completed(id, request.query(), sentCount)));
        if (sent.isEmpty()) {
            a.done().complete(null);
        }
        active.put(id, a);
        // Send only once the query is stored and registered, so that no answer can arrive for an unknown cookie.
        sends.forEach(Runnable::run);
        for (String hostId : sent) {
            activity.record(
                    ActivityLog.SOURCE_HOST,
                    hostId,
                    ActivityLog.Level.INFO,
                    "Executing event " + command.event() + "() for query '" + request.query() + "' (query " + id + ")");
        }
        return new QueryAccepted(id, sent, notSent);
    }

    /** The query and its answers after at most {@code waitSeconds} (capped) or once every target answered. */
    public CompletableFuture<QueryResponse> await(String id, int waitSeconds) {
        if (store.header(id).isEmpty()) {
            throw NotFoundException.of("query", id);
        }
        long waitMillis =
                Math.min(Math.max(0, waitSeconds) * 1000L, properties.maxWait().toMillis());
        Active a = active.get(id);
        if (a == null || waitMillis == 0 || a.done().isDone()) {
            return CompletableFuture.completedFuture(snapshot(id));
        }
        return a.done()
                .copy()
                .completeOnTimeout(null, waitMillis, TimeUnit.MILLISECONDS)
                .thenApplyAsync(x -> snapshot(id));
    }

    /** Takes an answer row; returns false when the cookie names no known query. */
    @Override
    public boolean accept(AgentRow row) {
        String id = row.cookie().substring(COOKIE_PREFIX.length());
        Active a = active.get(id);
        if (a == null && store.header(id).isEmpty()) {
            return false;
        }
        Map<String, @Nullable Object> values = RowValues.object(
                a != null ? a.columns() : store.header(id).orElseThrow().columns(), row.values());
        synchronized (buffer) {
            buffer.add(new OneShotQueryStore.PendingRow(
                    id, row.hostId(), row.receivedAt(), json.writeValueAsString(values)));
        }
        if (a != null) {
            Consumer<AgentRow> tap = a.tap();
            if (tap != null) {
                tap.accept(row);
            }
            answered(a, row.hostId(), properties.settle().toMillis());
        }
        return true;
    }

    /** The columns of an active query that reads the {@code users} table: its rows teach attribution user names. */
    @Override
    public @Nullable List<String> usersColumns(String cookie) {
        Active a = active.get(cookie.substring(COOKIE_PREFIX.length()));
        return a != null && a.readsUsers() ? a.columns() : null;
    }

    /**
     * Takes an agent's error in answer to a one-shot query (v2's {@code agent_error_v1}): the target is FAILED with
     * the agent's message, and no longer awaited. Rows it sent before stay; a target that answered stays ANSWERED.
     *
     * @return false when the cookie names no known query
     */
    public boolean failed(String cookie, String hostId, String message) {
        if (!handles(cookie)) {
            return false;
        }
        String id = cookie.substring(COOKIE_PREFIX.length());
        if (!active.containsKey(id) && store.header(id).isEmpty()) {
            return false;
        }
        flush(); // rows that came before the error are counted first: a host that answered did not fail
        store.fail(id, hostId, message, Instant.now());
        Active a = active.get(id);
        if (a != null) {
            answered(a, hostId, 0);
        }
        return true;
    }

    /**
     * Takes an agent's word that it ran a one-shot query and it returned no rows (osquery answers a distributed
     * query with its rows all at once, possibly none): the target is ANSWERED, and no longer awaited.
     *
     * @return false when the cookie names no known query
     */
    public boolean answeredEmpty(String cookie, String hostId) {
        if (!handles(cookie)) {
            return false;
        }
        String id = cookie.substring(COOKIE_PREFIX.length());
        if (!active.containsKey(id) && store.header(id).isEmpty()) {
            return false;
        }
        flush();
        store.answeredEmpty(id, hostId, Instant.now());
        Active a = active.get(id);
        if (a != null) {
            answered(a, hostId, 0);
        }
        return true;
    }

    /** A target is no longer awaited; the last one completes the poll, after {@code settleMillis} for late rows. */
    private static void answered(Active a, String hostId, long settleMillis) {
        if (a.pending().remove(hostId) && a.pending().isEmpty()) {
            if (settleMillis <= 0) {
                a.done().complete(null); // at once: a poll arriving now must not race a zero delay
            } else {
                CompletableFuture.delayedExecutor(settleMillis, TimeUnit.MILLISECONDS)
                        .execute(() -> a.done().complete(null));
            }
        }
    }

    @Scheduled(fixedDelay = 200)
    void flush() {
        List<OneShotQueryStore.PendingRow> rows;
        synchronized (buffer) {
            if (buffer.isEmpty()) {
                return;
            }
            rows = List.copyOf(buffer);
            buffer.clear();
        }
        store.addRows(rows);
    }

    /** Queries with targets on other replicas: their answers arrive in the database, not through {@link #accept}. */
    @Scheduled(fixedDelay = 250)
    void pollRoutedAnswers() {
        for (Active a : active.values()) {
            if (a.routed() && !a.done().isDone()) {
                store.settled(a.id()).forEach(hostId -> answered(a, hostId, 0));
            }
        }
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    void purgeExpired() {
        Instant cutoff = Instant.now().minus(properties.retention());
        store.deleteOlderThan(cutoff);
        active.values().removeIf(a -> a.createdAt().isBefore(cutoff));
    }

    private QueryResponse snapshot(String id) {
        flush();
        OneShotQueryStore.Header h = store.header(id).orElseThrow(() -> NotFoundException.of("query", id));
        List<HostAnswer> answers = store.answers(id);
        List<String> pending = answers.stream()
                .filter(a -> "PENDING".equals(a.state()))
                .map(HostAnswer::hostId)
                .toList();
        return new QueryResponse(
                h.id(), h.query(), h.columns(), h.createdAt(), pending.isEmpty(), answers, pending, h.owner());
    }

    /** A query still collecting answers. */
    private record Active(
            String id,
            List<String> columns,
            Instant createdAt,
            Set<String> pending,
            CompletableFuture<@Nullable Void> done,
            @Nullable Consumer<AgentRow> tap,
            boolean routed,
            boolean readsUsers) {}
}
