package io.zeekagent.hub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link Reconciler}. */
class ReconcilerTests {

    private static final DispatchHost A = new DispatchHost("a", "zeromq-v1", Set.of("dmz"));
    private static final DispatchHost B = new DispatchHost("b", "zeromq-v1", Set.of());

    private final Map<String, Map<String, Delivered>> delivered = new HashMap<>();

    @Test
    void subscribesEveryHostToASubscriptionNamingNoTargets() {
        var s = desired(cmd("s1", 0), Set.of(), Set.of());

        var actions = Reconciler.plan(List.of(A, B), List.of(s), delivered);

        assertThat(actions)
                .containsExactlyInAnyOrder(subscribe(A, s.command(), "missing"), subscribe(B, s.command(), "missing"));
    }

    @Test
    void targetsNamedHostsAndMembersOfNamedGroupsOnly() {
        var byHost = desired(cmd("s1", 0), Set.of("b"), Set.of());
        var byGroup = desired(cmd("s2", 0), Set.of(), Set.of("dmz"));

        var actions = Reconciler.plan(List.of(A, B), List.of(byHost, byGroup), delivered);

        assertThat(actions)
                .containsExactlyInAnyOrder(
                        subscribe(B, byHost.command(), "missing"), subscribe(A, byGroup.command(), "missing"));
    }

    @Test
    void sendsNothingWhenEverythingIsDelivered() {
        var s = desired(cmd("s1", 2), Set.of(), Set.of());
        deliver(A, s.command());

        assertThat(Reconciler.plan(List.of(A), List.of(s), delivered)).isEmpty();
    }

    @Test
    void unsubscribesWhatNoLongerTargetsTheHost() {
        var old = cmd("s1", 1);
        deliver(A, old);

        var actions = Reconciler.plan(List.of(A), List.of(), delivered);

        assertThat(actions).containsExactly(new DeliveryAction.Unsubscribe(A, old, "no longer targets the host"));
    }

    @Test
    void replacesAChangedSubscriptionUnsubscribingTheOldArgumentsFirst() {
        var old = cmd("s1", 1);
        deliver(A, old);
        var changed = new SubscriptionCommand("s1", 2, "ev", "SELECT pid, exe FROM processes", "s1", "BOTH", 30);

        var actions = Reconciler.plan(List.of(A), List.of(desired(changed, Set.of(), Set.of())), delivered);

        assertThat(actions)
                .containsExactly(
                        new DeliveryAction.Unsubscribe(A, old, "changed to version 2"),
                        new DeliveryAction.Subscribe(A, changed, "changed"));
    }

    @Test
    void adoptsANewVersionThatChangesNothingOnTheWire() {
        deliver(A, cmd("s1", 1));
        var retargeted = cmd("s1", 2);

        var actions = Reconciler.plan(List.of(A), List.of(desired(retargeted, Set.of("a"), Set.of())), delivered);

        assertThat(actions).containsExactly(new DeliveryAction.Adopt(A, retargeted));
    }

    @Test
    void leavesHostsThatAreNotOnlineAlone() {
        deliver(B, cmd("s1", 1));

        assertThat(Reconciler.plan(List.of(A), List.of(), delivered)).isEmpty();
    }

    @Test
    void putsEveryUnsubscribeOfAHostBeforeItsSubscribes() {
        deliver(A, cmd("old", 1));
        var fresh = desired(cmd("new", 1), Set.of(), Set.of());

        var actions = Reconciler.plan(List.of(A), List.of(fresh), delivered);

        assertThat(actions).hasSize(2);
        assertThat(actions.get(0)).isInstanceOf(DeliveryAction.Unsubscribe.class);
        assertThat(actions.get(1)).isInstanceOf(DeliveryAction.Subscribe.class);
    }

    private void deliver(DispatchHost host, SubscriptionCommand c) {
        delivered
                .computeIfAbsent(host.hostId(), h -> new HashMap<>())
                .put(c.subscriptionId(), new Delivered(host.hostId(), host.transport(), c));
    }

    private static DesiredSubscription desired(SubscriptionCommand c, Set<String> hosts, Set<String> groups) {
        return new DesiredSubscription(c, hosts, groups);
    }

    private static SubscriptionCommand cmd(String id, long version) {
        return new SubscriptionCommand(id, version, "ev", "SELECT pid FROM processes", id, "ADDED", 10);
    }

    private static DeliveryAction subscribe(DispatchHost h, SubscriptionCommand c, String reason) {
        return new DeliveryAction.Subscribe(h, c, reason);
    }
}
