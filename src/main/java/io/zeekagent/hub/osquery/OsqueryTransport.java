package io.zeekagent.hub.osquery;

import io.zeekagent.hub.dispatch.AgentTransport;
import io.zeekagent.hub.dispatch.ExecuteCommand;
import io.zeekagent.hub.dispatch.SocketEventsFit;
import io.zeekagent.hub.dispatch.SubscriptionCommand;
import io.zeekagent.hub.subscription.AgentTables;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * How dispatch and one-shot queries reach osquery hosts, which only ever poll: a subscribe puts the subscription
 * into the host's schedule (served at its next config refresh), an unsubscribe takes it out, a one-shot query waits
 * for the host's next distributed read. Nothing blocks; groups are the hub's alone, so join and leave send nothing.
 */
@Component
class OsqueryTransport implements AgentTransport {

    private final OsqueryNodes nodes;
    private final OsqueryServer server;
    private final SocketEventsFit socketEvents = new SocketEventsFit(OsqueryTransport::readsOsquerySocketEvents);

    OsqueryTransport(OsqueryNodes nodes, OsqueryServer server) {
        this.nodes = nodes;
        this.server = server;
    }

    @Override
    public String name() {
        return OsqueryEnrollment.TRANSPORT;
    }

    @Override
    public boolean isReady() {
        return server.isRunning();
    }

    /** A host is addressable once it was heard from in this run: what is queued for it, it will poll. */
    @Override
    public boolean isAddressable(String hostId) {
        return nodes.find(hostId).isPresent();
    }

    /** Tables the hub knows as Zeek Agent v2's that osquery has too (with its own columns). */
    static final Set<String> ALSO_OSQUERY = Set.of("processes", "users");

    /** Any table but those only Zeek Agent v2 has ({@code sockets_events}, {@code files_list}, ...). */
    @Override
    public boolean canRun(String hostId, Set<String> tablesRead) {
        return tablesRead.stream().noneMatch(t -> AgentTables.isV2Only(t) && !ALSO_OSQUERY.contains(t));
    }

    /**
     * Not the v1 or v2 queries: v2's tables are not osquery's, and a query over {@code socket_events} naming v1's
     * columns ({@code syscall}, {@code exe}, {@code uid}) would fail on osquery at every run.
     */
    @Override
    public boolean canRun(String hostId, SubscriptionCommand command, Set<String> tablesRead) {
        return canRun(hostId, tablesRead) && socketEvents.test(command, tablesRead);
    }

    static boolean readsOsquerySocketEvents(String sql) {
        return AgentTables.OSQUERY_SOCKET_EVENTS.containsAll(AgentTables.resultColumns(sql));
    }

    @Override
    public void subscribe(String hostId, SubscriptionCommand command) {
        nodes.state(hostId).subscribe(command);
    }

    @Override
    public void unsubscribe(String hostId, SubscriptionCommand command) {
        nodes.find(hostId).ifPresent(s -> s.unsubscribe(command));
    }

    @Override
    public void execute(String hostId, ExecuteCommand command) {
        nodes.state(hostId).queue(command.cookie(), command.query(), Instant.now());
    }

    @Override
    public void join(String hostId, String group) {}

    @Override
    public void leave(String hostId, String group) {}
}
