package io.zeekagent.hub.dispatch;

import io.zeekagent.hub.subscription.AgentTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hosts a subscription targets but whose agent cannot run it (a table the query reads is missing there, e.g.
 * v2's {@code processes} on a v1 agent): they are recorded as {@link DeliveryState#NOT_APPLICABLE} deliveries with
 * the missing tables and the agent's transport, so that the deliveries of a subscription list every targeted host
 * instead of silently leaving some out. Each (subscription, host) is written once per subscription version; only
 * the tick's thread touches this.
 */
final class NotApplicableDeliveries {

    /** host id → subscription id → version recorded as not applicable (refused on the last tick). */
    private Map<String, Map<String, Long>> recorded = new HashMap<>();

    private final List<Refusal> refused = new ArrayList<>();

    /** Starts a tick: refusals are collected afresh while the reconciler plans. */
    void startTick() {
        refused.clear();
    }

    /** The reconciler found that {@code host} is targeted by {@code command} but lacks {@code missingTables}. */
    void refused(DispatchHost host, SubscriptionCommand command, Set<String> missingTables) {
        refused.add(new Refusal(host, command, missingTables));
    }

    /**
     * The rows to write for this tick's refusals not yet recorded at their version. A pair that already has a row
     * in this tick ({@code written}, e.g. the unsubscribe of what it ran before) waits for the next tick, so that
     * one save never holds two rows of one (subscription, host).
     */
    List<DeliveryResponse> rows(Set<String> written, Instant now) {
        Map<String, Map<String, Long>> next = new HashMap<>();
        List<DeliveryResponse> rows = new ArrayList<>();
        for (Refusal r : refused) {
            String hostId = r.host().hostId();
            SubscriptionCommand c = r.command();
            if (written.contains(key(c.subscriptionId(), hostId))) {
                continue;
            }
            next.computeIfAbsent(hostId, h -> new HashMap<>()).put(c.subscriptionId(), c.version());
            Long before = recorded.getOrDefault(hostId, Map.of()).get(c.subscriptionId());
            if (before == null || before != c.version()) {
                rows.add(new DeliveryResponse(
                        c.subscriptionId(),
                        hostId,
                        c.version(),
                        DeliveryState.NOT_APPLICABLE,
                        now,
                        reason(r.host().transport(), r.missingTables()),
                        r.host().transport(),
                        c.event(),
                        c.query(),
                        c.updateType(),
                        c.intervalSeconds()));
            }
        }
        recorded = next;
        refused.clear();
        return rows;
    }

    /** The key {@link #rows} compares {@code written} against. */
    static String key(String subscriptionId, String hostId) {
        return subscriptionId + '\u0000' + hostId;
    }

    /** E.g. "not applicable: the zeromq-v1 agent lacks table processes (a zeek-agent v2 table)". */
    static String reason(String transport, Set<String> missingTables) {
        StringBuilder sb = new StringBuilder("not applicable: the ")
                .append(transport)
                .append(" agent lacks table")
                .append(missingTables.size() == 1 ? " " : "s ")
                .append(String.join(", ", missingTables));
        if (!missingTables.isEmpty() && missingTables.stream().allMatch(AgentTables::isV2Only)) {
            sb.append(missingTables.size() == 1 ? " (a zeek-agent v2 table)" : " (zeek-agent v2 tables)");
        }
        return sb.toString();
    }

    /** A targeted host that cannot run a subscription. */
    private record Refusal(DispatchHost host, SubscriptionCommand command, Set<String> missingTables) {}
}
