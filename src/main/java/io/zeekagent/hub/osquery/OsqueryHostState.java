package io.zeekagent.hub.osquery;

import io.zeekagent.hub.dispatch.SubscriptionCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * What the hub holds in memory about one osquery host since it was first heard from in this run: the subscriptions
 * dispatch delivered (its config's schedule), the distributed queries waiting for it, and when it was last heard
 * from. Guarded by its own monitor: dispatch writes it from the tick thread, requests read it from theirs.
 */
final class OsqueryHostState {

    /** Name of the hub's own {@code interface_addresses} query, answered into the host's addresses. */
    static final String ADDRESSES = "zeekagenthub_interface_addresses";

    static final String ADDRESSES_SQL = "SELECT address FROM interface_addresses";

    private final String hostId;
    private final Map<String, SubscriptionCommand> schedule = new TreeMap<>();
    private final Map<String, PendingQuery> pending = new LinkedHashMap<>();
    private volatile Instant lastSeen;
    private volatile Instant lastPresenceWrite = Instant.EPOCH;
    private final AtomicBoolean primed = new AtomicBoolean();
    private volatile boolean offline;
    private @Nullable Instant lastAddressQuery;
    private @Nullable String lastConfigError;

    OsqueryHostState(String hostId, Instant now) {
        this.hostId = hostId;
        this.lastSeen = now;
    }

    String hostId() {
        return hostId;
    }

    synchronized void subscribe(SubscriptionCommand command) {
        schedule.put(command.subscriptionId(), command);
    }

    synchronized void unsubscribe(SubscriptionCommand command) {
        schedule.remove(command.subscriptionId());
    }

    synchronized List<SubscriptionCommand> schedule() {
        return new ArrayList<>(schedule.values());
    }

    synchronized @Nullable SubscriptionCommand scheduled(String subscriptionId) {
        return schedule.get(subscriptionId);
    }

    synchronized void queue(String name, String sql, Instant now) {
        pending.putIfAbsent(name, new PendingQuery(name, sql, now, null));
    }

    /** The queries not handed out yet, now marked handed out. */
    synchronized List<PendingQuery> handOut(Instant now) {
        List<PendingQuery> out = new ArrayList<>();
        for (Map.Entry<String, PendingQuery> e : pending.entrySet()) {
            if (e.getValue().handedOutAt() == null) {
                out.add(e.getValue());
                e.setValue(e.getValue().handedOut(now));
            }
        }
        return out;
    }

    synchronized boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Takes the answered query out; null when it was not pending (answered twice, expired, unknown). */
    synchronized @Nullable PendingQuery answered(String name) {
        return pending.remove(name);
    }

    /** Takes out and returns the queries queued before {@code cutoff}. */
    synchronized List<PendingQuery> expire(Instant cutoff) {
        List<PendingQuery> expired = new ArrayList<>();
        pending.values().removeIf(q -> {
            if (q.createdAt().isBefore(cutoff)) {
                expired.add(q);
                return true;
            }
            return false;
        });
        return expired;
    }

    /** Queues the address query when it never ran or ran {@code every} ago. */
    synchronized void queueAddressesIfDue(Instant now, java.time.Duration every) {
        if (lastAddressQuery == null || !lastAddressQuery.plus(every).isAfter(now)) {
            lastAddressQuery = now;
            queue(ADDRESSES, ADDRESSES_SQL, now);
        }
    }

    synchronized void addressesAsked(Instant now) {
        lastAddressQuery = now;
        queue(ADDRESSES, ADDRESSES_SQL, now);
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void seen(Instant now) {
        lastSeen = now;
    }

    Instant lastPresenceWrite() {
        return lastPresenceWrite;
    }

    void presenceWritten(Instant now) {
        lastPresenceWrite = now;
        offline = false;
    }

    boolean offline() {
        return offline;
    }

    void markOffline() {
        offline = true;
    }

    /** True for the one caller that is to prime the host (deliver everything to it again); false after. */
    boolean startPriming() {
        return primed.compareAndSet(false, true);
    }

    /** The host enrolled again: it runs nothing the hub knows of, everything is to be delivered again. */
    void unprime() {
        primed.set(false);
    }

    /** Whether this config error is new for the host (it is logged once, not at every refresh). */
    synchronized boolean newConfigError(@Nullable String error) {
        boolean changed = error != null && !error.equals(lastConfigError);
        lastConfigError = error;
        return changed;
    }
}
