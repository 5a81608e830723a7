package io.zeekagent.hub.agent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.dispatch.AgentTransport;
import io.zeekagent.hub.dispatch.DispatchService;
import io.zeekagent.hub.dispatch.ExecuteCommand;
import io.zeekagent.hub.dispatch.SocketEventsFit;
import io.zeekagent.hub.dispatch.SubscriptionCommand;
import io.zeekagent.hub.host.AgentAnnouncement;
import io.zeekagent.hub.host.PresenceChange;
import io.zeekagent.hub.result.AgentRow;
import io.zeekagent.hub.result.ResultRouter;
import io.zeekagent.hub.subscription.AgentTables;
import io.zeekagent.hub.zeromq.AgentChannel;
import io.zeekagent.hub.zeromq.InboundEvent;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The v1 agents' side of the hub over the ZeroMQ bridge: registers hosts from {@code host_new}, tracks liveness
 * from the proxy's subscriptions to the individual host topics, routes result rows, and sends the commands the
 * dispatcher and one-shot queries ask for. Handlers run on the bridge's dispatch thread and hand everything that
 * writes the host table to the {@link PresenceStage}, in order; what follows a write (the {@code online} set,
 * redelivery, activity entries) runs on the stage's thread once it is committed.
 */
@Component
class V1AgentGateway implements AgentTransport {

    /** The value of a host's {@code transport} field for v1 agents over ZeroMQ. */
    static final String TRANSPORT = "zeromq-v1";

    private static final Logger log = LoggerFactory.getLogger(V1AgentGateway.class);

    private final AgentChannel channel;
    private final AgentTopics topics;
    private final AgentRegistry registry;
    private final PresenceStage presence;
    private final DispatchService dispatch;
    private final ResultRouter results;
    private final ActivityLog activity;
    private final Counter malformedAnnouncements;
    private final Counter malformedRows;
    /** Hosts whose individual topic is subscribed on the proxy: a message published to them now arrives. */
    private final Set<String> addressable = ConcurrentHashMap.newKeySet();
    /** Hosts this process knows to be ONLINE, so that rows do not write the host table each time. */
    private final Set<String> online = ConcurrentHashMap.newKeySet();
    /** Hosts heard from by a row while not known ONLINE, whose {@code Seen} is queued: one is enough. */
    private final Set<String> seenPending = ConcurrentHashMap.newKeySet();

    private final SocketEventsFit socketEvents = new SocketEventsFit(V1AgentGateway::readsNoOsqueryOnlyColumn);

    V1AgentGateway(
            AgentChannel channel,
            AgentProperties properties,
            AgentRegistry registry,
            PresenceStage presence,
            DispatchService dispatch,
            ResultRouter results,
            ActivityLog activity,
            MeterRegistry meters) {
        this.channel = channel;
        this.topics = properties.topics();
        this.registry = registry;
        this.presence = presence;
        this.dispatch = dispatch;
        this.results = results;
        this.activity = activity;
        this.malformedAnnouncements = meters.counter("hub.agent.malformed", "event", "host_new");
        this.malformedRows = meters.counter("hub.agent.malformed", "event", "result_row");
        channel.subscribeExact(topics.announce(), this::onAnnounce);
        channel.subscribeExact(topics.results(), this::onRow);
        channel.addSubscriptionListener(this::onSubscriptionChange);
    }

    @Override
    public String name() {
        return TRANSPORT;
    }

    @Override
    public boolean isReady() {
        return channel.isReady();
    }

    @Override
    public boolean isAddressable(String hostId) {
        return addressable.contains(hostId);
    }

    /** v1 agents have the v1 tables (and osquery's, in that edition), never the tables only v2 agents have. */
    @Override
    public boolean canRun(String hostId, Set<String> tablesRead) {
        return tablesRead.stream().noneMatch(AgentTables::isV2Only);
    }

    /**
     * Not osquery's socket-event query (the built-in one included): v1's {@code socket_events} has other columns
     * ({@code syscall}, {@code exe}), and a query naming osquery's ({@code action}, {@code path}, {@code status})
     * would fail on a v1 agent at every run. Refused only when a result column is osquery's and not v1's, so v1
     * queries with expressions or aliases ({@code count(*) AS n}) still go out.
     */
    @Override
    public boolean canRun(String hostId, SubscriptionCommand command, Set<String> tablesRead) {
        return canRun(hostId, tablesRead) && socketEvents.test(command, tablesRead);
    }

    static boolean readsNoOsqueryOnlyColumn(String sql) {
        List<String> v1 = AgentTables.columns("socket_events").orElse(List.of());
        return AgentTables.resultColumns(sql).stream()
                .noneMatch(c -> AgentTables.OSQUERY_SOCKET_EVENTS.contains(c) && !v1.contains(c));
    }

    @Override
    public void subscribe(String hostId, SubscriptionCommand command) {
        channel.publish(topics.host(hostId), V1Codec.subscribe(command, topics.results()));
    }

    @Override
    public void unsubscribe(String hostId, SubscriptionCommand command) {
        channel.publish(topics.host(hostId), V1Codec.unsubscribe(command, topics.results()));
    }

    @Override
    public void execute(String hostId, ExecuteCommand command) {
        channel.publish(topics.host(hostId), V1Codec.execute(command, topics.results()));
    }

    @Override
    public void join(String hostId, String group) {
        channel.publish(topics.host(hostId), V1Codec.join(group));
    }

    @Override
    public void leave(String hostId, String group) {
        channel.publish(topics.host(hostId), V1Codec.leave(group));
    }

    /** Hosts ONLINE in the database whose topic is not subscribed (they left while the hub was down) go OFFLINE. */
    int sweepVanished() {
        int n = 0;
        for (String hostId : registry.onlineHostIds(TRANSPORT)) {
            if (!addressable.contains(hostId)) {
                offline(hostId, "Zeek Agent host not reconnected after hub restart");
                n++;
            }
        }
        return n;
    }

    /** Hosts whose individual topic is subscribed on this proxy: their agents are connected here. A copy. */
    Set<String> connectedHostIds() {
        return new HashSet<>(addressable);
    }

    /**
     * With replicas: the host's agent is connected here, but this replica does not own the host. Hears from it
     * again, in order with what the bridge saw, which claims the host if no replica owns it (the leader released it
     * while its agent stayed). Should the agent have left just before this was queued, it leaves again after it.
     */
    void heardFromUnowned(String hostId) {
        if (!addressable.contains(hostId) || !seenPending.add(hostId)) {
            return;
        }
        presence.submit(
                new PresenceChange.Seen(hostId, true),
                known -> {
                    seenPending.remove(hostId);
                    if (!addressable.contains(hostId)) {
                        presence.submit(new PresenceChange.Left(hostId), applied -> online.remove(hostId));
                    } else if (known) {
                        online.add(hostId);
                    }
                },
                () -> seenPending.remove(hostId));
    }

    void onAnnounce(InboundEvent event) {
        HostAnnouncement a;
        try {
            a = V1Codec.decodeHostNew(event.event());
        } catch (AgentProtocolException e) {
            malformed(malformedAnnouncements, event, e);
            return;
        }
        presence.submit(announced(a), reconnect -> {
            online.add(a.hostId());
            dispatch.hostAnnounced(a.hostId(), Set.copyOf(a.groups()));
            activity.record(
                    ActivityLog.SOURCE_HOST,
                    a.hostId(),
                    ActivityLog.Level.INFO,
                    "Zeek Agent v" + a.version() + " (" + a.edition() + ") host "
                            + (reconnect ? "reconnected" : "connected") + " (" + a.peerName() + " announced as: "
                            + a.hostId() + ")");
        });
    }

    void onRow(InboundEvent event) {
        AgentRow row;
        try {
            row = V1Codec.decodeRow(event.event(), TRANSPORT, Instant.now());
        } catch (AgentProtocolException e) {
            malformed(malformedRows, event, e);
            return;
        }
        if (!online.contains(row.hostId()) && seenPending.add(row.hostId())) {
            String hostId = row.hostId();
            presence.submit(
                    new PresenceChange.Seen(hostId),
                    known -> {
                        seenPending.remove(hostId);
                        if (known) {
                            online.add(hostId);
                        }
                    },
                    () -> seenPending.remove(hostId));
        }
        results.accept(row);
    }

    void onSubscriptionChange(String topic, boolean subscribed) {
        String hostId = topics.hostIdOf(topic);
        if (hostId == null) {
            return;
        }
        if (subscribed) {
            addressable.add(hostId);
            if (!online.contains(hostId)) {
                // Decided again once applied: an announcement queued before this makes it a plain connect.
                presence.submit(new PresenceChange.Seen(hostId), known -> {
                    if (known && online.add(hostId)) {
                        // Known host back on the proxy without announcing (the hub restarted, the network
                        // blipped): it kept its queries, and the persisted deliveries say which.
                        activity.record(
                                ActivityLog.SOURCE_HOST,
                                hostId,
                                ActivityLog.Level.INFO,
                                "Zeek Agent host resubscribed to " + topic);
                    }
                });
            }
        } else {
            addressable.remove(hostId);
            offline(hostId, "Zeek Agent host disconnected");
        }
    }

    private void offline(String hostId, String message) {
        presence.submit(new PresenceChange.Left(hostId), applied -> {
            online.remove(hostId);
            if (applied) { // not when another replica owns the host (hub.cluster.engine=kafka)
                activity.record(ActivityLog.SOURCE_HOST, hostId, ActivityLog.Level.INFO, message);
            }
        });
    }

    private static PresenceChange announced(HostAnnouncement a) {
        return new PresenceChange.Announced(new AgentAnnouncement(
                a.hostId(),
                a.hostname(),
                a.peerName(),
                a.groups(),
                a.version(),
                a.edition(),
                a.addresses(),
                TRANSPORT));
    }

    private void malformed(Counter counter, InboundEvent event, AgentProtocolException e) {
        counter.increment();
        log.debug(
                "Dropped malformed {} on {} from {}: {}",
                event.event().name(),
                event.topic(),
                event.senderNodeId(),
                e.getMessage());
        activity.record(
                ActivityLog.SOURCE_HOST,
                event.senderNodeId(),
                ActivityLog.Level.WARNING,
                "Dropped malformed " + event.event().name() + " on " + event.topic() + ": " + e.getMessage());
    }
}
