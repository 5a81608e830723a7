package io.zeekagent.hub.attribution;

import io.zeekagent.hub.cluster.ClusterPeers;
import io.zeekagent.hub.cluster.IndexPartitions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attribution across replicas ({@code hub.cluster.engine=kafka}): each connection's candidate hosts come from the
 * replicated address map; each host's share is answered by the replica holding its index partition — here when
 * that is this replica, otherwise in one call per owner (per chunk of lookups) through the {@link PeerTransport},
 * all owners at once on a bounded executor (the last call on the asking thread when nothing is answered here; the
 * transport may share a call with concurrent requests: {@link CoalescingPeerTransport}). The shares are merged into one answer ordered as a single node orders
 * it (event time, then seuid; originator matches first on ties). A host whose owner is unknown or does not answer
 * is answered from this replica's tiers with the database asked for all of retention, flagged
 * {@code replica-unreachable}; a host whose partition is moving, flagged {@code rebalancing}. Every call's outcome
 * goes to {@link PeerCalls} (meters and health). Thread-safe.
 */
final class RoutedAttributor implements ConnectionAttributor {

    private static final Logger log = LoggerFactory.getLogger(RoutedAttributor.class);

    private final TieredAttributor tiers;
    private final HostAttributor hosts;
    private final java.util.function.Supplier<@Nullable IndexPartitions> partitionSource;
    private volatile @Nullable IndexPartitions partitions;
    private final ClusterPeers peers;
    private final PeerTransport transport;
    private final PeerCalls peerCalls;
    private final ExecutorService executor;
    private final int chunk;
    private volatile long warnedAt;

    RoutedAttributor(
            TieredAttributor tiers,
            java.util.function.Supplier<@Nullable IndexPartitions> partitions,
            ClusterPeers peers,
            PeerTransport transport,
            PeerCalls peerCalls,
            ExecutorService executor,
            int chunk) {
        this.tiers = tiers;
        this.hosts = new HostAttributor(tiers);
        this.partitionSource = partitions;
        this.peers = peers;
        this.transport = transport;
        this.peerCalls = peerCalls;
        this.executor = executor;
        this.chunk = Math.max(1, chunk);
    }

    /** Grouping always pays here: a group costs one call per owner, not one per line. */
    @Override
    public boolean mayNeedCold() {
        return partitions() != null || tiers.mayNeedCold();
    }

    /** The index partitions once the event stream provides them; until then this replica answers alone. */
    private @Nullable IndexPartitions partitions() {
        IndexPartitions p = partitions;
        if (p == null) {
            p = partitionSource.get();
            partitions = p;
        }
        return p;
    }

    /** Answers lookups routed to this replica: from memory where its partition is ready, else flagged. */
    void serve(List<HostLookup> lookups, List<MatchCollector> outs, List<Completeness> states) {
        IndexPartitions partitions = partitions();
        Part ready = new Part(false);
        Part moving = new Part(false);
        for (int k = 0; k < lookups.size(); k++) {
            HostLookup l = lookups.get(k);
            (partitions == null || partitions.ownsReady(l.hostId()) ? ready : moving)
                    .put(k, l, outs.get(k), states.get(k));
        }
        hosts.attribute(ready.lookups, ready.outs, ready.states, ready.size(), 0);
        hosts.attribute(moving.lookups, moving.outs, moving.states, moving.size(), Completeness.REBALANCING);
    }

    @Override
    public void attributeAll(
            List<ConnectionTuple> tuples, List<MatchCollector> outs, List<Completeness> states, int n) {
        IndexPartitions partitions = partitions();
        if (partitions == null) {
            tiers.attributeAll(tuples, outs, states, n);
            return;
        }
        boolean details = n > 0 && outs.get(0).wantsDetails();
        AttributionIndex index = tiers.index();
        String self = peers.self();
        Part local = new Part(details);
        Part orphans = new Part(details);
        Map<String, Part> remote = new LinkedHashMap<>();
        for (int q = 0; q < n; q++) {
            ConnectionTuple c = tuples.get(q);
            Map<String, Integer> candidates = new LinkedHashMap<>();
            for (String h : index.hostIds(c.origHi(), c.origLo())) {
                candidates.merge(h, 1 << MatchCollector.ORIG, (a, b) -> a | b);
            }
            for (String h : index.hostIds(c.respHi(), c.respLo())) {
                candidates.merge(h, 1 << MatchCollector.RESP, (a, b) -> a | b);
            }
            for (Map.Entry<String, Integer> e : candidates.entrySet()) {
                HostLookup lookup = new HostLookup(e.getKey(), e.getValue(), c);
                Optional<String> owner = partitions.ownerOf(e.getKey());
                if (owner.isEmpty()) {
                    orphans.add(q, lookup);
                } else if (owner.get().equals(self)) {
                    local.add(q, lookup);
                } else {
                    remote.computeIfAbsent(owner.get(), o -> new Part(details)).add(q, lookup);
                }
            }
        }
        List<Part> answered = new ArrayList<>();
        List<Part> calls = new ArrayList<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (Map.Entry<String, Part> e : remote.entrySet()) {
            Part part = e.getValue();
            Optional<String> url = peers.apiUrl(e.getKey());
            PeerCalls.Peer peer = peerCalls.peer(e.getKey());
            if (url.isEmpty()) {
                peer.noLease();
                warn(e.getKey(), "it has no live lease");
                orphans.addAll(part);
                continue;
            }
            for (int from = 0; from < part.size(); from += chunk) {
                Part slice = part.slice(from, Math.min(part.size(), from + chunk));
                slice.owner = e.getKey();
                slice.peer = peer;
                slice.url = url.get();
                calls.add(slice);
            }
        }
        // With nothing to answer here, this thread makes the last call itself rather than wait for a pool thread
        // to make it: one hand-off less per request (most single requests ask one owner).
        int pooled = local.size() == 0 ? calls.size() - 1 : calls.size();
        for (int i = 0; i < calls.size(); i++) {
            Part slice = calls.get(i);
            pending.add(
                    i < pooled
                            ? CompletableFuture.runAsync(() -> ask(slice, details), executor)
                            : inline(slice, details));
        }
        if (local.size() > 0) {
            serve(local.lookups, local.outs, local.states);
            answered.add(local);
        }
        for (int i = 0; i < calls.size(); i++) {
            try {
                pending.get(i).join();
                answered.add(calls.get(i));
            } catch (CompletionException | java.util.concurrent.CancellationException ex) {
                Throwable cause = ex.getCause() == null ? ex : ex.getCause();
                warn(calls.get(i).owner, cause.toString());
                orphans.addAll(calls.get(i));
            }
        }
        if (orphans.size() > 0) {
            hosts.attribute(
                    orphans.lookups, orphans.outs, orphans.states, orphans.size(), Completeness.REPLICA_UNREACHABLE);
            answered.add(orphans);
        }
        merge(tuples, outs, states, n, answered);
    }

    /**
     * One slice asked (the transport counts the call on {@code peer}; it may carry other requests' lookups too); a
     * failure is rethrown for the caller to answer the slice from its tiers.
     */
    private void ask(Part slice, boolean details) {
        try {
            transport.lookup(
                    java.util.Objects.requireNonNull(slice.peer),
                    slice.url,
                    slice.lookups,
                    details,
                    slice.outs,
                    slice.states);
        } catch (java.io.IOException | RuntimeException ex) {
            throw new CompletionException(ex);
        }
    }

    /** {@link #ask} on this thread, its outcome as a completed future. */
    private CompletableFuture<Void> inline(Part slice, boolean details) {
        try {
            ask(slice, details);
            return CompletableFuture.completedFuture(null);
        } catch (CompletionException ex) {
            return CompletableFuture.failedFuture(ex.getCause());
        }
    }

    private void merge(
            List<ConnectionTuple> tuples,
            List<MatchCollector> outs,
            List<Completeness> states,
            int n,
            List<Part> parts) {
        AttributionIndex index = tiers.index();
        long now = tiers.clock().millis();
        long cutoff = now - index.retentionMillis();
        long late = index.windowMillis() + tiers.clockSkewMillis();
        boolean backlog = tiers.backlogPending();
        for (int q = 0; q < n; q++) {
            outs.get(q).clear();
            Completeness state = states.get(q);
            state.clear();
            long ts = tuples.get(q).tsMillis();
            boolean known = ts != ConnectionTuple.UNKNOWN_TIME;
            if (known && ts < cutoff) {
                state.reasons |= Completeness.RETENTION;
            }
            if (backlog && (!known || ts + late >= now)) {
                state.reasons |= Completeness.INGEST_BACKLOG;
            }
        }
        // Originator matches first, as a single node collects them, so that ties keep the same order.
        for (byte side = MatchCollector.ORIG; side <= MatchCollector.RESP; side++) {
            for (Part part : parts) {
                for (int j = 0; j < part.size(); j++) {
                    MatchCollector from = part.outs.get(j);
                    MatchCollector to = outs.get(part.tuples.get(j));
                    for (int i = 0; i < from.size(); i++) {
                        if (from.side(i) == side) {
                            to.copy(from, i, false);
                        }
                    }
                    if (side == MatchCollector.ORIG) {
                        Completeness state = states.get(part.tuples.get(j));
                        state.tiers |= part.states.get(j).tiers;
                        state.reasons |= part.states.get(j).reasons;
                    }
                }
            }
        }
        for (int q = 0; q < n; q++) {
            outs.get(q).sortByTime();
            tiers.metrics().record(states.get(q));
        }
    }

    private void warn(String owner, String why) {
        long now = System.currentTimeMillis();
        if (now - warnedAt > 10_000) {
            warnedAt = now;
            log.warn(
                    "Replica {} could not be asked for attribution ({}); answering its hosts from the database",
                    owner,
                    why);
        }
    }

    /** Lookups bound for one place, each with its tuple's position and its own collector. */
    private static final class Part {
        final boolean details;
        final List<Integer> tuples = new ArrayList<>();
        final List<HostLookup> lookups = new ArrayList<>();
        final List<MatchCollector> outs = new ArrayList<>();
        final List<Completeness> states = new ArrayList<>();
        String owner = "";

        PeerCalls.@Nullable Peer peer;

        String url = "";

        Part(boolean details) {
            this.details = details;
        }

        int size() {
            return lookups.size();
        }

        void add(int q, HostLookup lookup) {
            put(q, lookup, new MatchCollector(details), new Completeness());
        }

        void put(int q, HostLookup lookup, MatchCollector out, Completeness state) {
            tuples.add(q);
            lookups.add(lookup);
            outs.add(out);
            states.add(state);
        }

        void addAll(Part other) {
            for (int j = 0; j < other.size(); j++) {
                add(other.tuples.get(j), other.lookups.get(j));
            }
        }

        Part slice(int from, int to) {
            Part p = new Part(details);
            for (int j = from; j < to; j++) {
                p.put(tuples.get(j), lookups.get(j), outs.get(j), states.get(j));
            }
            return p;
        }
    }
}
