package io.zeekagent.hub.websocket;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.dispatch.AgentTransport;
import io.zeekagent.hub.dispatch.ExecuteCommand;
import io.zeekagent.hub.dispatch.SubscriptionCommand;
import io.zeekagent.hub.subscription.AgentTables;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How dispatch and one-shot queries reach v2 agents: subscriptions become {@code install_query_v1} with the
 * subscription's cookie and a query id derived from subscription and version (so the matching {@code
 * cancel_query_v1} needs no lookup), one-shot queries become {@code Snapshots} without a schedule. Groups are the
 * agent's own configuration in v2, so join and leave send nothing; the dispatcher targets hosts directly.
 */
@Component
class V2AgentTransport implements AgentTransport {

    /** The value of a host's {@code transport} field for v2 agents over the WebSocket API. */
    static final String TRANSPORT = "websocket-v2";

    private final V2Sessions sessions;
    private final WebSocketServerLifecycle server;
    private final Map<String, Set<String>> tablesByQuery = new ConcurrentHashMap<>();

    V2AgentTransport(V2Sessions sessions, WebSocketServerLifecycle server, MeterRegistry meters) {
        this.sessions = sessions;
        this.server = server;
        meters.gauge("hub.websocket.agents", sessions, s -> s.all().size());
    }

    @Override
    public String name() {
        return TRANSPORT;
    }

    @Override
    public boolean isReady() {
        return server.isRunning();
    }

    @Override
    public boolean isAddressable(String hostId) {
        return sessions.find(hostId).isPresent();
    }

    /** A v2 agent can run a query when every table it reads is in the agent's hello. */
    @Override
    public boolean canRun(String hostId, Set<String> tablesRead) {
        return sessions.find(hostId)
                .map(s -> s.hello().tables().containsAll(tablesRead))
                .orElse(false);
    }

    @Override
    public void subscribe(String hostId, SubscriptionCommand command) {
        V2Session session = session(hostId);
        Set<String> tables = tablesRead(command.query());
        String queryId = queryId(command);
        V2Query query = new V2Query(
                command.query(),
                Duration.ofSeconds(Math.max(1, command.intervalSeconds())),
                UpdateTypeMapping.mode(command.updateType(), tables),
                command.event(),
                command.cookie(),
                tables,
                Set.of());
        session.queries()
                .put(
                        queryId,
                        new V2Session.InstalledQuery(command.cookie(), command.updateType(), false, Instant.now()));
        sessions.send(V2Topics.host(hostId), HubEvents.installQuery(sessions.zeekInstance(), queryId, query));
    }

    @Override
    public void unsubscribe(String hostId, SubscriptionCommand command) {
        String queryId = queryId(command);
        sessions.find(hostId).ifPresent(s -> s.queries().remove(queryId));
        sessions.send(V2Topics.host(hostId), HubEvents.cancelQuery(sessions.zeekInstance(), queryId));
    }

    @Override
    public void execute(String hostId, ExecuteCommand command) {
        V2Session session = session(hostId);
        String queryId = "za_" + command.cookie();
        V2Query query = new V2Query(
                command.query(), null, V2Mode.SNAPSHOTS, command.event(), command.cookie(), Set.of(), Set.of());
        session.queries()
                .put(
                        queryId,
                        new V2Session.InstalledQuery(command.cookie(), UpdateTypeMapping.BOTH, true, Instant.now()));
        sessions.send(V2Topics.host(hostId), HubEvents.installQuery(sessions.zeekInstance(), queryId, query));
    }

    @Override
    public void join(String hostId, String group) {}

    @Override
    public void leave(String hostId, String group) {}

    static String queryId(SubscriptionCommand command) {
        return "za_" + command.cookie() + "_v" + command.version();
    }

    private V2Session session(String hostId) {
        return sessions.find(hostId)
                .orElseThrow(() -> new IllegalStateException("v2 agent " + hostId + " is not connected"));
    }

    private Set<String> tablesRead(String sql) {
        if (tablesByQuery.size() > 10_000) {
            tablesByQuery.clear();
        }
        return tablesByQuery.computeIfAbsent(sql, AgentTables::tablesRead);
    }
}
