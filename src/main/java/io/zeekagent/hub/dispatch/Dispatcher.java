package io.zeekagent.hub.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.cluster.HostOwnership;
import io.zeekagent.hub.subscription.AgentTables;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.stereotype.Component;

/**
 * One reconciliation tick: read desired state, plan with {@link Reconciler}, send through the hosts' transports,
 * persist what was sent. The in-memory ledger of what each host runs is loaded from the {@code deliveries} table
 * once and only touched on the tick's thread; other threads hand it work through queues. Only hosts this replica owns
 * ({@link HostOwnership}) are planned for, so with several replicas no command is sent twice.
 */
@Component
class Dispatcher {

    private final DesiredStateSource source;
    private final AgentTransports transports;
    private final DeliveryStore store;
    private final ActivityLog activity;
    private final DispatchProperties properties;
    private final HostOwnership ownership;
    private final Clock clock;
    private final Map<String, Map<String, Delivered>> ledger = new HashMap<>();
    private final ConcurrentLinkedQueue<HostReset> resets = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<AgentFailure> agentFailures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> deletedHosts = new ConcurrentLinkedQueue<>();
    private final Map<String, Set<String>> tablesByQuery = new ConcurrentHashMap<>();
    private final GroupCommands groups;
    private final NotApplicableDeliveries notApplicable = new NotApplicableDeliveries();
    private final Counter subscribesSent;
    private final Counter unsubscribesSent;
    private final Counter failures;
    private final Timer tickTimer;
    private boolean loaded;

    Dispatcher(
            DesiredStateSource source,
            AgentTransports transports,
            DeliveryStore store,
            ActivityLog activity,
            DispatchProperties properties,
            HostOwnership ownership,
            MeterRegistry meters) {
        this.source = source;
        this.transports = transports;
        this.store = store;
        this.activity = activity;
        this.groups = new GroupCommands(transports, activity, ownership.isShared());
        this.properties = properties;
        this.ownership = ownership;
        this.clock = Clock.systemUTC();
        this.subscribesSent = meters.counter("hub.dispatch.commands", "command", "subscribe");
        this.unsubscribesSent = meters.counter("hub.dispatch.commands", "command", "unsubscribe");
        this.failures = meters.counter("hub.dispatch.failures");
        this.tickTimer = meters.timer("hub.dispatch.tick");
    }

    /** A host announced itself with a fresh state: forget what it ran, and join it to groups it did not announce. */
    void hostAnnounced(String hostId, Set<String> announcedGroups) {
        resets.add(new HostReset(hostId, Set.copyOf(announcedGroups)));
    }

    /** Groups were assigned to or removed from a host over REST. */
    void groupsChanged(String hostId, Set<String> added, Set<String> removed) {
        groups.changed(hostId, added, removed);
    }

    /** An agent reported that it could not run a subscription it was sent (v2 {@code agent_error_v1}). */
    void agentFailed(String hostId, String subscriptionId, String message) {
        agentFailures.add(new AgentFailure(hostId, subscriptionId, message));
    }

    /** A host was deleted over REST: forget what it was sent, in memory and in the {@code deliveries} table. */
    void hostDeleted(String hostId) {
        deletedHosts.add(hostId);
    }

    /** Runs one tick; returns how many commands were sent. */
    synchronized TickSummary tick() {
        return tickTimer.record(this::reconcile);
    }

    private TickSummary reconcile() {
        if (!loaded) {
            for (Delivered d : store.loadSubscribed()) {
                ledger.computeIfAbsent(d.hostId(), h -> new HashMap<>())
                        .put(d.command().subscriptionId(), d);
            }
            loaded = true;
        }
        Instant now = clock.instant();
        forgetDeletedHosts();
        applyResets(now);
        List<DispatchHost> reachable = new ArrayList<>();
        for (DispatchHost h : source.onlineHosts()) {
            if (transports.reachable(h.transport(), h.hostId()).isPresent()) {
                reachable.add(h);
            }
        }
        Set<String> owned = ownership.ownedAmong(
                reachable.stream().map(DispatchHost::hostId).toList());
        List<DispatchHost> hosts = new ArrayList<>(owned.size());
        for (DispatchHost h : reachable) {
            if (owned.contains(h.hostId())) {
                hosts.add(h);
            }
        }
        groups.send(hosts);
        notApplicable.startTick();
        List<DeliveryAction> actions = Reconciler.plan(hosts, source.enabledSubscriptions(), ledger, this::canRun);
        List<DeliveryResponse> rows = new ArrayList<>(actions.size());
        recordAgentFailures(rows, now);
        boolean detailed = actions.size() <= properties.detailedActivityLimit();
        int subscribes = 0;
        int unsubscribes = 0;
        Set<String> touched = new HashSet<>();
        for (DeliveryAction action : actions) {
            DispatchHost host = action.host();
            SubscriptionCommand c = action.command();
            AgentTransport transport = transports.find(host.transport()).orElseThrow();
            String message;
            DeliveryState state;
            try {
                if (action instanceof DeliveryAction.Subscribe s) {
                    transport.subscribe(host.hostId(), c);
                    subscribes++;
                    state = DeliveryState.SUBSCRIBED;
                    message = s.reason();
                } else if (action instanceof DeliveryAction.Unsubscribe u) {
                    transport.unsubscribe(host.hostId(), c);
                    unsubscribes++;
                    state = DeliveryState.UNSUBSCRIBED;
                    message = u.reason();
                } else {
                    state = DeliveryState.SUBSCRIBED;
                    message = "version " + c.version() + " changes nothing the agent sees";
                }
            } catch (RuntimeException e) {
                failures.increment();
                state = DeliveryState.FAILED;
                message = "sending failed: " + e.getMessage();
            }
            remember(host, c, state);
            rows.add(row(host, c, state, message, now));
            touched.add(host.hostId());
            if (detailed && !(action instanceof DeliveryAction.Adopt)) {
                log(action, state, message);
            }
        }
        Set<String> written = new HashSet<>();
        for (DeliveryResponse r : rows) {
            written.add(NotApplicableDeliveries.key(r.subscriptionId(), r.hostId()));
        }
        rows.addAll(notApplicable.rows(written, now));
        store.save(rows);
        subscribesSent.increment(subscribes);
        unsubscribesSent.increment(unsubscribes);
        if (!detailed) {
            activity.record(
                    ActivityLog.SOURCE_LOCAL,
                    null,
                    ActivityLog.Level.INFO,
                    "Dispatch tick sent " + subscribes + " subscribes and " + unsubscribes + " unsubscribes to "
                            + touched.size() + " hosts");
        }
        return new TickSummary(hosts.size(), subscribes, unsubscribes);
    }

    private void remember(DispatchHost host, SubscriptionCommand c, DeliveryState state) {
        Map<String, Delivered> sent = ledger.computeIfAbsent(host.hostId(), h -> new HashMap<>());
        if (state == DeliveryState.SUBSCRIBED) {
            sent.put(c.subscriptionId(), new Delivered(host.hostId(), host.transport(), c));
        } else if (state == DeliveryState.UNSUBSCRIBED) {
            sent.remove(c.subscriptionId());
        }
        // FAILED leaves the ledger as it was, so the next tick plans the same step again.
    }

    /** Whether the host can run the subscription; when not, the missing tables are noted as not applicable. */
    private boolean canRun(DispatchHost host, SubscriptionCommand c) {
        AgentTransport transport = transports.find(host.transport()).orElse(null);
        if (transport == null) {
            return false;
        }
        Set<String> tables = tablesRead(c.query());
        if (transport.canRun(host.hostId(), c, tables)) {
            return true;
        }
        Set<String> missing = new TreeSet<>();
        for (String table : tables) {
            if (!transport.canRun(host.hostId(), Set.of(table))) {
                missing.add(table);
            }
        }
        notApplicable.refused(host, c, missing.isEmpty() ? tables : missing);
        return false;
    }

    private Set<String> tablesRead(String query) {
        if (tablesByQuery.size() > 10_000) {
            tablesByQuery.clear();
        }
        return tablesByQuery.computeIfAbsent(query, q -> {
            try {
                return AgentTables.tablesRead(q);
            } catch (IllegalArgumentException unparsable) {
                return Set.of();
            }
        });
    }

    /**
     * Marks deliveries the agents reported as failed. They stay in the ledger: sending the same query again would
     * fail again, so only a new version of the subscription (or a reconnect) is sent.
     */
    private void recordAgentFailures(List<DeliveryResponse> rows, Instant now) {
        for (AgentFailure f; (f = agentFailures.poll()) != null; ) {
            Delivered d = ledger.getOrDefault(f.hostId(), Map.of()).get(f.subscriptionId());
            if (d != null) {
                failures.increment();
                DispatchHost host = new DispatchHost(d.hostId(), d.transport(), Set.of());
                rows.add(row(host, d.command(), DeliveryState.FAILED, "agent error: " + f.message(), now));
            }
        }
    }

    private void forgetDeletedHosts() {
        List<String> deleted = new ArrayList<>();
        for (String hostId; (hostId = deletedHosts.poll()) != null; ) {
            ledger.remove(hostId);
            groups.forget(hostId);
            deleted.add(hostId);
        }
        store.deleteHosts(deleted);
    }

    private void applyResets(Instant now) {
        List<String> reset = new ArrayList<>();
        for (HostReset r; (r = resets.poll()) != null; ) {
            if (ledger.remove(r.hostId()) != null) {
                reset.add(r.hostId());
            }
            groups.announced(r.hostId(), r.announcedGroups());
        }
        store.markHostsReset(reset, "agent (re)connected with a fresh state; redelivering", now);
    }

    private void log(DeliveryAction action, DeliveryState state, String message) {
        SubscriptionCommand c = action.command();
        String verb = action instanceof DeliveryAction.Subscribe ? "Subscribing to" : "Unsubscribing from";
        String text = verb + " event " + c.event() + "() for query '" + c.query() + "' (subscription "
                + c.subscriptionId() + " v" + c.version() + ", " + message + ")";
        if (state == DeliveryState.FAILED) {
            activity.record(ActivityLog.SOURCE_HOST, action.host().hostId(), ActivityLog.Level.WARNING, text);
        } else {
            activity.record(ActivityLog.SOURCE_HOST, action.host().hostId(), ActivityLog.Level.INFO, text);
        }
    }

    private static DeliveryResponse row(
            DispatchHost host, SubscriptionCommand c, DeliveryState state, String message, Instant now) {
        return new DeliveryResponse(
                c.subscriptionId(),
                host.hostId(),
                c.version(),
                state,
                now,
                message,
                host.transport(),
                c.event(),
                c.query(),
                c.updateType(),
                c.intervalSeconds());
    }

    /** A host that announced itself, with the groups it announced. */
    private record HostReset(String hostId, Set<String> announcedGroups) {}

    /** A subscription an agent said it could not run. */
    private record AgentFailure(String hostId, String subscriptionId, String message) {}
}
