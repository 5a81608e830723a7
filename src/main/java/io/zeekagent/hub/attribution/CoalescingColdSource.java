package io.zeekagent.hub.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Coalesces concurrent cold-tier probes into shared statements (docs/attribution.md "Tiers"). At most
 * {@code maxInFlight} statements run at once; a probe arriving while they all run waits, and the next statement
 * takes every probe waiting by then (up to {@code maxKeys} keys) as one {@link ColdQuery#merge merged} query. Each
 * caller gets back exactly the rows its own query selects ({@link ColdQuery#selects}), so answers are the same as
 * with one statement per probe; only the number of round trips falls. No timer, no added latency when idle: a probe
 * that finds a free slot runs at once (see {@link Coalescer}). Thread-safe.
 */
final class CoalescingColdSource implements ColdEventSource {

    private final ColdEventSource delegate;
    private final Coalescer<Probe, RuntimeException> coalescer;

    CoalescingColdSource(ColdEventSource delegate, int maxInFlight, int maxKeys) {
        this.delegate = delegate;
        this.coalescer = new Coalescer<>(
                this::statement, maxInFlight, maxKeys, p -> p.query.connectKeys().length + p.query.bindKeys().length);
    }

    @Override
    public boolean enabledByDefault() {
        return delegate.enabledByDefault();
    }

    @Override
    public void prepare() {
        delegate.prepare();
    }

    /** Statements sent to the database so far. */
    long statements() {
        return coalescer.batches();
    }

    /** Probes answered (or failed) so far; {@code probes ÷ statements} is the coalescing factor. */
    long probes() {
        return coalescer.items();
    }

    /** Probes waiting for a statement now. */
    int waiting() {
        return coalescer.waiting();
    }

    @Override
    public List<SocketEventEntry> find(ColdQuery query) {
        Probe probe = new Probe(query);
        // Waiting is bounded: every statement ahead is bounded by its own timeout, and the one serving this probe
        // too. A probe still queued at its deadline gives up (the caller answers from memory).
        coalescer.run(probe, 3 * query.timeout().toNanos() + 1_000_000_000L);
        return Objects.requireNonNull(probe.rows);
    }

    /** One statement for a batch of probes; each probe's share is filtered by the thread that ran it. */
    private void statement(List<Probe> probes) {
        List<ColdQuery> queries = new ArrayList<>(probes.size());
        for (Probe p : probes) {
            queries.add(p.query);
        }
        List<SocketEventEntry> rows = delegate.find(ColdQuery.merge(queries));
        for (Probe p : probes) {
            p.rows = probes.size() == 1 ? rows : select(rows, p.query);
        }
    }

    private static List<SocketEventEntry> select(List<SocketEventEntry> rows, ColdQuery query) {
        List<SocketEventEntry> out = new ArrayList<>();
        for (SocketEventEntry e : rows) {
            if (query.selects(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** One caller's probe and, once its statement has run, its rows. */
    private static final class Probe {
        final ColdQuery query;

        @Nullable
        List<SocketEventEntry> rows;

        Probe(ColdQuery query) {
            this.query = query;
        }
    }
}
