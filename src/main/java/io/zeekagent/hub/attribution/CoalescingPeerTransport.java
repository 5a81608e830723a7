package io.zeekagent.hub.attribution;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coalesces concurrent calls to the same replica (docs/scale-out.md "Attribution across replicas"): per replica and
 * kind of answer (with or without details), at most {@code maxInFlight} calls run at once; lookups from requests
 * arriving while they all run wait, and the next call carries every lookup waiting by then (up to
 * {@code maxLookups}). Each caller's collectors are filled from its own slice of the combined answer, and a combined
 * call that fails fails every caller in it with the same exception (each then answers its hosts from the database).
 * No timer, no added latency when idle: a call that finds a free slot is made at once (see {@link Coalescer}). Each
 * call made is counted once on the replica's {@link PeerCalls.Peer}, with all the lookups it carries. Thread-safe.
 */
final class CoalescingPeerTransport implements PeerTransport {

    /** Past this many destinations, idle ones are dropped (replica ids and addresses change with restarts). */
    static final int MAX_ROUTES = 64;

    private final PeerTransport delegate;
    private final int maxInFlight;
    private final int maxLookups;
    private final long maxWaitNanos;
    private final Map<Route, Coalescer<Call, IOException>> routes = new ConcurrentHashMap<>();

    /**
     * @param timeout one call's timeout: a caller still queued after three of them (and a second) gives up, its hosts
     *     answered from the database
     */
    CoalescingPeerTransport(PeerTransport delegate, int maxInFlight, int maxLookups, Duration timeout) {
        this.delegate = delegate;
        this.maxInFlight = maxInFlight;
        this.maxLookups = Math.max(1, maxLookups);
        this.maxWaitNanos = 3 * timeout.toNanos() + Duration.ofSeconds(1).toNanos();
    }

    /** Not coalesced: a combined call must be counted once, by whoever makes it, so only counted calls are. */
    @Override
    public void lookup(
            String baseUrl,
            List<HostLookup> lookups,
            boolean details,
            List<MatchCollector> outs,
            List<Completeness> states)
            throws IOException {
        delegate.lookup(baseUrl, lookups, details, outs, states);
    }

    @Override
    public void lookup(
            PeerCalls.Peer peer,
            String baseUrl,
            List<HostLookup> lookups,
            boolean details,
            List<MatchCollector> outs,
            List<Completeness> states)
            throws IOException {
        Route route = new Route(peer, baseUrl, details);
        Coalescer<Call, IOException> coalescer = routes.get(route);
        if (coalescer == null) {
            coalescer = add(route);
        }
        coalescer.run(new Call(lookups, outs, states), maxWaitNanos);
    }

    /** Callers waiting now for a call, over all destinations. */
    int waiting() {
        int n = 0;
        for (Coalescer<Call, IOException> c : routes.values()) {
            n += c.waiting();
        }
        return n;
    }

    private synchronized Coalescer<Call, IOException> add(Route route) {
        Coalescer<Call, IOException> coalescer = routes.get(route);
        if (coalescer != null) {
            return coalescer;
        }
        if (routes.size() >= MAX_ROUTES) {
            // A caller that already holds a dropped one still gets its answer; at worst the route briefly has two.
            routes.values().removeIf(Coalescer::idle);
        }
        coalescer = new Coalescer<>(calls -> call(route, calls), maxInFlight, maxLookups, c -> c.lookups.size());
        routes.put(route, coalescer);
        return coalescer;
    }

    /** One call for every caller taken, their lookups in order, so that each slice of the answer is its own. */
    private void call(Route route, List<Call> calls) throws IOException {
        if (calls.size() == 1) {
            Call c = calls.get(0);
            delegate.lookup(route.peer, route.baseUrl, c.lookups, route.details, c.outs, c.states);
            return;
        }
        List<HostLookup> lookups = new ArrayList<>();
        List<MatchCollector> outs = new ArrayList<>();
        List<Completeness> states = new ArrayList<>();
        for (Call c : calls) {
            lookups.addAll(c.lookups);
            outs.addAll(c.outs);
            states.addAll(c.states);
        }
        delegate.lookup(route.peer, route.baseUrl, lookups, route.details, outs, states);
    }

    /** Where a call goes and what it asks for; the peer (compared by identity) is where the call is counted. */
    private record Route(PeerCalls.Peer peer, String baseUrl, boolean details) {}

    /** One caller's lookups and the collectors its answers go to. */
    private record Call(List<HostLookup> lookups, List<MatchCollector> outs, List<Completeness> states) {}
}
