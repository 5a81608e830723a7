package io.zeekagent.hub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.subscription.AgentTables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link Reconciler} with a runnable predicate: one subscription list for agents with different tables. */
class ReconcilerTableFilterTests {

    private static final DispatchHost V1 = new DispatchHost("v1", "zeromq-v1", Set.of());
    private static final DispatchHost V2 = new DispatchHost("v2", "websocket-v2", Set.of());
    private static final SubscriptionCommand V1_SOCKETS =
            new SubscriptionCommand("s1", 1, "ev", "SELECT pid FROM socket_events", "s1", "ADDED", 2);
    private static final SubscriptionCommand V2_SOCKETS =
            new SubscriptionCommand("s2", 1, "ev", "SELECT pid FROM sockets_events", "s2", "ADDED", 2);

    /** v1 hosts run anything but v2-only tables; v2 hosts only the v2 tables. */
    private static boolean runnable(DispatchHost host, SubscriptionCommand c) {
        Set<String> tables = AgentTables.tablesRead(c.query());
        return host.transport().equals("zeromq-v1")
                ? tables.stream().noneMatch(AgentTables::isV2Only)
                : Set.of("sockets", "sockets_events", "zeek_agent").containsAll(tables);
    }

    @Test
    void sendsEachSubscriptionOnlyToTheHostsThatHaveItsTables() {
        List<DesiredSubscription> all = List.of(
                new DesiredSubscription(V1_SOCKETS, Set.of(), Set.of()),
                new DesiredSubscription(V2_SOCKETS, Set.of(), Set.of()));

        List<DeliveryAction> actions =
                Reconciler.plan(List.of(V1, V2), all, new HashMap<>(), ReconcilerTableFilterTests::runnable);

        assertThat(actions)
                .containsExactlyInAnyOrder(
                        new DeliveryAction.Subscribe(V1, V1_SOCKETS, "missing"),
                        new DeliveryAction.Subscribe(V2, V2_SOCKETS, "missing"));
    }

    @Test
    void cancelsASubscriptionTheHostCanNoLongerRun() {
        Map<String, Map<String, Delivered>> delivered = new HashMap<>();
        delivered.put("v2", new HashMap<>(Map.of("s1", new Delivered("v2", "websocket-v2", V1_SOCKETS))));

        List<DeliveryAction> actions = Reconciler.plan(
                List.of(V2),
                List.of(new DesiredSubscription(V1_SOCKETS, Set.of(), Set.of())),
                delivered,
                ReconcilerTableFilterTests::runnable);

        assertThat(actions)
                .containsExactly(new DeliveryAction.Unsubscribe(V2, V1_SOCKETS, "no longer targets the host"));
    }

    @Test
    void knowsWhichTablesOnlyV2AgentsHave() {
        assertThat(AgentTables.isV2Only("sockets_events")).isTrue();
        assertThat(AgentTables.isV2Only("SOCKETS")).isTrue();
        assertThat(AgentTables.isV2Only("socket_events")).isFalse();
        assertThat(AgentTables.isV2Only("osquery_only_table")).isFalse();
    }
}
