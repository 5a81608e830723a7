package io.zeekagent.hub.zeek;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the hub knows of the Zeeks using the compat API, in memory: the route of each compat subscription (by its id,
 * the agents' cookie), each owner's current inbox, and the executions already carried out (so that a replayed
 * {@code execute} runs nothing twice). After a hub restart it fills again from the Zeeks' replay on the first
 * {@code hub_hello}; rows arriving before that are dropped as unknown cookies (counted by the result router).
 */
final class CompatRegistry {

    private static final int MAX_EXECUTIONS = 10_000;

    private final Map<String, CompatRoute> routes = new ConcurrentHashMap<>();
    private final Map<String, String> inboxes = new ConcurrentHashMap<>();
    private final Map<String, Instant> ownerSince = new ConcurrentHashMap<>();
    private final Map<String, Instant> touched = new ConcurrentHashMap<>();
    private final Map<String, Boolean> executed = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_EXECUTIONS;
        }
    };

    Optional<CompatRoute> route(String subscriptionId) {
        return Optional.ofNullable(routes.get(subscriptionId));
    }

    void put(String subscriptionId, CompatRoute route) {
        put(subscriptionId, route, Instant.now());
    }

    /** Records the route of a subscription its owner (re)made at {@code now}. */
    void put(String subscriptionId, CompatRoute route, Instant now) {
        routes.put(subscriptionId, route);
        touched.put(subscriptionId, now);
    }

    void remove(String subscriptionId) {
        routes.remove(subscriptionId);
        touched.remove(subscriptionId);
    }

    /**
     * Whether the owned subscription {@code id} was left behind: its owner has not called since the hub started and
     * the hub has run longer than {@code grace}, or its owner's current process has replayed for longer than
     * {@code grace} without this subscription (the script no longer makes it).
     */
    boolean isOrphan(String id, String owner, Instant started, Instant now, Duration grace) {
        Instant since = ownerSince.get(owner);
        if (since == null) {
            return now.isAfter(started.plus(grace));
        }
        Instant last = touched.get(id);
        return now.isAfter(since.plus(grace)) && (last == null || last.isBefore(since));
    }

    /**
     * Records the inbox an owner calls from; a new inbox (the Zeek restarted) takes over that owner's routes.
     *
     * @return whether the inbox is new for this owner
     */
    boolean registerInbox(String owner, String inbox) {
        return registerInbox(owner, inbox, Instant.now());
    }

    /** As {@link #registerInbox(String, String)}, at {@code now}: the start of that process's replay. */
    boolean registerInbox(String owner, String inbox, Instant now) {
        String previous = inboxes.put(owner, inbox);
        if (inbox.equals(previous)) {
            return false;
        }
        ownerSince.put(owner, now);
        routes.replaceAll((id, r) -> r.owner().equals(owner) ? r.withInbox(inbox) : r);
        return true;
    }

    /** The inboxes of every owner heard from: where presence events go. */
    Collection<String> inboxes() {
        return List.copyOf(inboxes.values());
    }

    /** Whether this execution has not been carried out before (and now counts as carried out). */
    boolean firstExecution(String owner, String execId) {
        synchronized (executed) {
            return executed.put(owner + "\u0000" + execId, Boolean.TRUE) == null;
        }
    }

    int size() {
        return routes.size();
    }
}
