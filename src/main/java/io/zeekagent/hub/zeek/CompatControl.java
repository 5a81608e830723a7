package io.zeekagent.hub.zeek;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.group.GroupService;
import io.zeekagent.hub.query.CreateQueryRequest;
import io.zeekagent.hub.query.OneShotQueryService;
import io.zeekagent.hub.subscription.SubscriptionKind;
import io.zeekagent.hub.subscription.SubscriptionRequest;
import io.zeekagent.hub.subscription.SubscriptionService;
import io.zeekagent.hub.subscription.UpdateType;
import io.zeekagent.hub.system.ApiException;
import io.zeekagent.hub.zeromq.AgentChannel;
import io.zeekagent.hub.zeromq.InboundEvent;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the compat control events (subscribe, unsubscribe, execute, join, leave) as subscriptions, one-shot
 * queries and group rules owned by the calling Zeek. Events are read on the bridge's dispatch thread and carried out
 * in order on one thread of their own (they write the database). Every call is idempotent: a replay after the hub
 * (re)appeared changes nothing that is already so, so agents get nothing twice. Who may call is {@link CompatAccess}'s
 * to say (off unless {@code hub.zeek.control-enabled}); a call the hub refuses or cannot carry out is counted and
 * answered with {@code ZeekAgentHub::compat_error} on the caller's inbox.
 */
final class CompatControl implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CompatControl.class);
    private static final String SOURCE = "zeek";

    private final AgentChannel channel;
    private final SubscriptionService subscriptions;
    private final GroupService groups;
    private final OneShotQueryService queries;
    private final CompatRegistry registry;
    private final CompatRowForwarder rows;
    private final Consumer<String> newInbox;
    private final ActivityLog activity;
    private final MeterRegistry meters;
    private final CompatAccess access;
    private final ExecutorService worker =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "zeek-compat-control");
                t.setDaemon(true);
                return t;
            });

    @SuppressWarnings("ParameterNumber")
    CompatControl(
            AgentChannel channel,
            SubscriptionService subscriptions,
            GroupService groups,
            OneShotQueryService queries,
            CompatRegistry registry,
            CompatRowForwarder rows,
            Consumer<String> newInbox,
            ActivityLog activity,
            MeterRegistry meters,
            CompatAccess access) {
        this.channel = channel;
        this.subscriptions = subscriptions;
        this.groups = groups;
        this.queries = queries;
        this.registry = registry;
        this.rows = rows;
        this.newInbox = newInbox;
        this.activity = activity;
        this.meters = meters;
        this.access = access;
    }

    /** A control event from the bridge: checked and read here, carried out on the control thread. */
    void onControl(InboundEvent inbound) {
        CompatCall call;
        try {
            call = CompatCall.from(inbound.event());
        } catch (BrokerFormatException e) {
            count(inbound.event().name(), "malformed");
            log.warn("Dropped a malformed compat control event from {}: {}", inbound.senderNodeId(), e.getMessage());
            return;
        }
        CompatAccess.Refusal refusal = access.check(call, inbound.senderKey(), inbound.senderNodeId());
        if (refusal != null) {
            count(inbound.event().name(), refusal.outcome());
            error(call, "", refusal.message());
            return;
        }
        try {
            worker.execute(() -> apply(inbound.event().name(), call));
        } catch (RejectedExecutionException e) {
            count(inbound.event().name(), "overloaded");
        }
    }

    private void apply(String name, CompatCall call) {
        String cookie = call instanceof CompatCall.Subscribe s
                ? s.cookie()
                : call instanceof CompatCall.Execute x ? x.cookie() : "";
        try {
            if (registry.registerInbox(call.owner(), call.inbox())) {
                newInbox.accept(call.inbox());
            }
            String outcome;
            if (call instanceof CompatCall.Subscribe s) {
                outcome = s.subscribe() ? subscribe(s) : unsubscribe(s);
            } else if (call instanceof CompatCall.Execute x) {
                outcome = execute(x);
            } else {
                outcome = grouping((CompatCall.Grouping) call);
            }
            count(name, outcome);
        } catch (ApiException | BrokerFormatException e) {
            count(name, "refused");
            error(call, cookie, e.getMessage());
        } catch (RuntimeException e) {
            count(name, "failed");
            log.warn("Could not carry out {} from {}", name, call.owner(), e);
            error(call, cookie, "the hub could not carry out " + name + ": " + e.getMessage());
        }
    }

    private String subscribe(CompatCall.Subscribe s) {
        if (s.query().length() > 10_000) {
            throw new BrokerFormatException("the query is longer than 10,000 characters");
        }
        int selected = subscriptions.columnsOf(s.query()).size();
        if (selected != s.columns().size()) {
            throw new BrokerFormatException("the query selects " + selected + " columns but " + s.event() + " takes "
                    + s.columns().size() + " after its Result");
        }
        s.groups().forEach(g -> groups.ensureExists(g, s.owner()));
        String id = s.subscriptionId();
        String name = s.owner() + " " + s.event();
        String label = name.substring(0, Math.min(128, name.length()));
        subscriptions.upsertOwned(
                id,
                s.owner(),
                new SubscriptionRequest(
                        label,
                        s.query(),
                        s.event(),
                        null,
                        (int) s.intervalSeconds(),
                        UpdateType.valueOf(s.utype()),
                        SubscriptionKind.RESULTS,
                        s.hosts(),
                        s.groups(),
                        true));
        boolean known = registry.route(id).isPresent();
        registry.put(id, new CompatRoute(s.owner(), s.inbox(), s.event(), s.cookie(), s.columns()));
        if (!known) {
            activity.record(
                    SOURCE,
                    s.owner(),
                    ActivityLog.Level.INFO,
                    "Subscribing to event " + s.event() + "() for query '" + s.query() + "' (subscription " + id + ")");
        }
        return known ? "replayed" : "applied";
    }

    private String unsubscribe(CompatCall.Subscribe s) {
        String id = s.subscriptionId();
        registry.remove(id);
        boolean deleted = subscriptions.deleteOwned(id, s.owner());
        if (deleted) {
            activity.record(
                    SOURCE,
                    s.owner(),
                    ActivityLog.Level.INFO,
                    "Unsubscribing from event " + s.event() + "() for query '" + s.query() + "' (subscription " + id
                            + ")");
        }
        return deleted ? "applied" : "replayed";
    }

    private String execute(CompatCall.Execute x) {
        if (!registry.firstExecution(x.owner(), x.execId())) {
            return "replayed";
        }
        CompatRoute route = new CompatRoute(x.owner(), x.inbox(), x.event(), x.cookie(), x.columns());
        var accepted = queries.create(
                new CreateQueryRequest(x.query(), x.hosts(), x.groups()),
                x.event(),
                row -> rows.forward(route, row),
                x.owner());
        activity.record(
                SOURCE,
                x.owner(),
                ActivityLog.Level.INFO,
                "Executing event " + x.event() + "() for query '" + x.query() + "' (query " + accepted.id() + ", "
                        + accepted.sentTo().size() + " hosts)");
        return "applied";
    }

    private String grouping(CompatCall.Grouping g) {
        groups.changeOwnedSubnets(g.group(), g.owner(), g.subnets(), g.join());
        activity.record(
                SOURCE,
                g.owner(),
                ActivityLog.Level.INFO,
                (g.join() ? "Joining" : "Leaving") + " group '" + g.group() + "' for "
                        + String.join(", ", g.subnets()));
        return "applied";
    }

    private void error(CompatCall call, String cookie, String message) {
        channel.publish(
                call.inbox(),
                ZeekEvent.of(CompatEvents.ERROR, BrokerValue.string(cookie), BrokerValue.string(message)));
    }

    private void count(String event, String outcome) {
        String bare = event.startsWith("ZeekAgentHub::compat_") ? event.substring(21) : "unknown";
        meters.counter("hub.zeek.compat.calls", "call", bare, "outcome", outcome)
                .increment();
    }

    /** Waits briefly for calls in progress (tests read their effects); then stops the control thread. */
    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Blocks until every call received so far has been carried out; for tests. */
    void awaitIdle() throws Exception {
        worker.submit(() -> {}).get(10, TimeUnit.SECONDS);
    }
}
