package io.zeekagent.hub.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * DESIGN §6 as a pure function: given the online hosts, the enabled subscriptions and what each host has been
 * sent, the actions that make every host run exactly the subscriptions targeting it. Unsubscribes of a host come
 * before its subscribes, so a changed subscription is cancelled before its new version is sent.
 */
final class Reconciler {

    private Reconciler() {}

    static List<DeliveryAction> plan(
            List<DispatchHost> hosts,
            List<DesiredSubscription> subscriptions,
            Map<String, Map<String, Delivered>> delivered) {
        return plan(hosts, subscriptions, delivered, (host, command) -> true);
    }

    /**
     * As {@link #plan(List, List, Map)}, where a subscription targets a host only if the host can also run it
     * ({@code runnable}: it has the tables the query reads).
     */
    static List<DeliveryAction> plan(
            List<DispatchHost> hosts,
            List<DesiredSubscription> subscriptions,
            Map<String, Map<String, Delivered>> delivered,
            BiPredicate<DispatchHost, SubscriptionCommand> runnable) {
        List<DeliveryAction> actions = new ArrayList<>();
        Map<String, SubscriptionCommand> wanted = new HashMap<>();
        for (DispatchHost host : hosts) {
            wanted.clear();
            for (DesiredSubscription s : subscriptions) {
                if (s.targets(host) && runnable.test(host, s.command())) {
                    wanted.put(s.command().subscriptionId(), s.command());
                }
            }
            Map<String, Delivered> sent = delivered.getOrDefault(host.hostId(), Map.of());
            List<DeliveryAction> subscribes = new ArrayList<>();
            for (Delivered d : sent.values()) {
                SubscriptionCommand now = wanted.get(d.command().subscriptionId());
                if (now == null) {
                    actions.add(new DeliveryAction.Unsubscribe(host, d.command(), "no longer targets the host"));
                } else if (now.version() != d.command().version()) {
                    if (now.differsOnTheWire(d.command())) {
                        actions.add(new DeliveryAction.Unsubscribe(
                                host, d.command(), "changed to version " + now.version()));
                        subscribes.add(new DeliveryAction.Subscribe(host, now, "changed"));
                    } else {
                        actions.add(new DeliveryAction.Adopt(host, now));
                    }
                }
            }
            for (SubscriptionCommand c : wanted.values()) {
                if (!sent.containsKey(c.subscriptionId())) {
                    subscribes.add(new DeliveryAction.Subscribe(host, c, "missing"));
                }
            }
            actions.addAll(subscribes);
        }
        return actions;
    }
}
