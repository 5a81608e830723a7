package io.zeekagent.hub.websocket;

import io.zeekagent.hub.activity.ActivityLog;
import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.JsonV1;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.dispatch.DispatchService;
import io.zeekagent.hub.host.AgentAnnouncement;
import io.zeekagent.hub.host.HostDetailsService;
import io.zeekagent.hub.host.HostPresenceService;
import io.zeekagent.hub.query.OneShotQueryService;
import io.zeekagent.hub.result.AgentRow;
import io.zeekagent.hub.result.ResultRouter;
import io.zeekagent.hub.result.RowUpdate;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The hub's side of the v2 session (§2.6), played as the Zeek package would but without its bugs: a hello
 * registers or updates the host (and the details only v2 reports: platform, OS, tables) and, with a new hello query id, starts a fresh session that gets {@code
 * zeek_hello_v1} and everything redelivered; results are routed like v1 rows by their cookie; errors go to the
 * activity log and mark the delivery failed, or the one-shot query's target; shutdown or a closed socket makes the host OFFLINE. Runs on the
 * WebSocket decoder threads, one connection's messages in order.
 */
@Component
class V2AgentGateway implements PeerListener {

    private static final Set<String> API_EVENTS = Set.of(AgentMessage.HELLO, AgentMessage.SHUTDOWN, AgentMessage.ERROR);

    private final WebSocketHub hub;
    private final V2Sessions sessions;
    private final HostPresenceService hosts;
    private final HostDetailsService hostDetails;
    private final DispatchService dispatch;
    private final ResultRouter results;
    private final OneShotQueryService queries;
    private final ActivityLog activity;
    private final String version;

    V2AgentGateway(
            WebSocketHub hub,
            V2Sessions sessions,
            HostPresenceService hosts,
            HostDetailsService hostDetails,
            DispatchService dispatch,
            ResultRouter results,
            OneShotQueryService queries,
            ActivityLog activity) {
        this.hub = hub;
        this.sessions = sessions;
        this.hosts = hosts;
        this.hostDetails = hostDetails;
        this.dispatch = dispatch;
        this.results = results;
        this.queries = queries;
        this.activity = activity;
        this.version = hub.version();
        hub.listener(this);
    }

    @Override
    public void onDataMessage(WebSocketPeer peer, String topic, String json) {
        if (!topic.startsWith(V2Topics.RESPONSE_PREFIX)) {
            return;
        }
        AgentMessage message;
        try {
            ZeekEvent event =
                    ZeekEvent.fromBroker(JsonV1.decodeDataMessage(json).value());
            if (event.name().startsWith(AgentMessage.API_PREFIX) && !API_EVENTS.contains(event.name())) {
                refuse(peer, "unknown-event", "unknown event " + event.name());
                return;
            }
            message = AgentMessage.of(event);
        } catch (BrokerFormatException e) {
            refuse(peer, "malformed", e.getMessage());
            return;
        }
        String agentId = message.context().agentId();
        String bound = peer.agentId();
        if (!agentId.equals(V2Topics.agentIdOf(topic)) || (bound != null && !bound.equals(agentId))) {
            refuse(peer, "wrong-agent", "agent id " + agentId + " does not match topic or connection");
            return;
        }
        if (message instanceof AgentMessage.Hello hello) {
            onHello(peer, hello);
        } else if (message instanceof AgentMessage.Row row) {
            onRow(peer, row);
        } else if (message instanceof AgentMessage.Error error) {
            onError(peer, error);
        } else {
            onShutdown(peer, agentId);
        }
    }

    @Override
    public void onClosed(WebSocketPeer peer) {
        String agentId = peer.agentId();
        if (agentId != null) {
            sessions.find(agentId)
                    .filter(s -> s.peer() == peer)
                    .ifPresent(s -> offline(s, "Zeek Agent host disconnected (WebSocket closed)"));
        }
    }

    private void onHello(WebSocketPeer peer, AgentMessage.Hello message) {
        AgentHello hello = message.hello();
        String agentId = hello.agentId();
        String helloId = String.valueOf(message.context().queryId());
        Instant now = Instant.now();
        V2Session current = sessions.find(agentId).orElse(null);
        if (current != null && current.peer() == peer && current.helloQueryId().equals(helloId)) {
            boolean changed = !hello.details(now).sameAs(current.hello().details(now));
            current.helloAgain(hello, now);
            if (hosts.touch(agentId) && changed) {
                hostDetails.record(agentId, hello.details(now));
            }
            return;
        }
        peer.agentId(agentId);
        V2Session session = new V2Session(agentId, peer, helloId, hello, now);
        sessions.start(session)
                .filter(old -> old.peer() != peer)
                .ifPresent(old -> old.peer().close(1000, "agent connected again"));
        Set<String> groups = V2Groups.of(agentId, peer.prefixes());
        boolean known = hosts.registerAgent(new AgentAnnouncement(
                agentId,
                hello.hostname(),
                hello.instanceId(),
                groups.stream().sorted().toList(),
                hello.versionText(),
                null,
                hello.addresses(),
                V2AgentTransport.TRANSPORT));
        hostDetails.record(agentId, hello.details(now));
        dispatch.hostAnnounced(agentId, groups);
        sessions.send(
                V2Topics.host(agentId),
                HubEvents.zeekHello(sessions.zeekInstance(), version, HubEvents.versionNumber(version)));
        activity.record(
                ActivityLog.SOURCE_HOST,
                agentId,
                ActivityLog.Level.INFO,
                "Zeek Agent v" + hello.versionText() + " host " + (known || current != null ? "reconnected" : "joined")
                        + " over WebSocket from " + peer.remote() + " (" + hello.hostname() + ", " + hello.platform()
                        + " " + hello.osName() + ", kernel " + hello.kernelName() + " " + hello.kernelVersion() + " "
                        + hello.kernelArch() + ", uptime " + hello.uptime().toSeconds() + "s, "
                        + hello.tables().size() + " tables)");
    }

    private void onShutdown(WebSocketPeer peer, String agentId) {
        sessions.find(agentId).filter(s -> s.peer() == peer).ifPresent(s -> offline(s, "Zeek Agent host shut down"));
    }

    private void onError(WebSocketPeer peer, AgentMessage.Error error) {
        AgentContext context = error.context();
        V2Session session =
                sessions.find(context.agentId()).filter(s -> s.peer() == peer).orElse(null);
        V2Session.InstalledQuery query = session == null || context.queryId() == null
                ? null
                : session.queries().remove(context.queryId());
        activity.record(
                ActivityLog.SOURCE_HOST,
                context.agentId(),
                ActivityLog.Level.WARNING,
                "error from Zeek Agent: " + error.message() + " [" + context.agentId() + "]"
                        + (query == null ? "" : " (cookie " + query.cookie() + ")"));
        if (query != null && query.oneShot()) {
            queries.failed(query.cookie(), context.agentId(), error.message());
        } else if (query != null) {
            dispatch.deliveryFailed(context.agentId(), query.cookie(), error.message());
        }
    }

    private void onRow(WebSocketPeer peer, AgentMessage.Row row) {
        AgentContext context = row.context();
        V2Session session =
                sessions.find(context.agentId()).filter(s -> s.peer() == peer).orElse(null);
        if (session == null) {
            hub.dropped("no-hello");
            return;
        }
        V2Session.InstalledQuery query =
                context.queryId() == null ? null : session.queries().get(context.queryId());
        if (query == null) {
            hub.dropped("unknown-query");
            return;
        }
        if (!UpdateTypeMapping.keeps(query.updateType(), context.change())) {
            return;
        }
        RowUpdate update = RowUpdate.valueOf(UpdateTypeMapping.resultType(context.change(), query.oneShot()));
        results.accept(new AgentRow(
                context.agentId(), V2AgentTransport.TRANSPORT, update, query.cookie(), row.columns(), Instant.now()));
    }

    private void offline(V2Session session, String message) {
        if (sessions.end(session)) {
            hosts.markOffline(session.agentId());
            activity.record(ActivityLog.SOURCE_HOST, session.agentId(), ActivityLog.Level.INFO, message);
        }
    }

    private void refuse(WebSocketPeer peer, String reason, String context) {
        hub.dropped(reason);
        hub.error(peer, WebSocketErrors.DESERIALIZATION_FAILED, WebSocketErrors.BAD_EVENT + ": " + context);
    }
}
