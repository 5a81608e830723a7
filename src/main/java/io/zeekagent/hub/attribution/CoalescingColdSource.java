package io.zeekagent.hub.attribution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Coalesces concurrent cold-tier probes into shared statements (docs/attribution.md "Tiers"). At most
 * {@code maxInFlight} statements run at once; a probe arriving while they all run waits, and the next statement
 * takes every probe waiting by then (up to {@code maxKeys} keys) as one {@link ColdQuery#merge merged} query. Each
 * caller gets back exactly the rows its own query selects ({@link ColdQuery#selects}), so answers are the same as
 * with one statement per probe; only the number of round trips falls. No timer, no added latency when idle: a probe
 * that finds a free slot runs at once. Thread-safe.
 */
final class CoalescingColdSource implements ColdEventSource {

    private final ColdEventSource delegate;
    private final int maxInFlight;
    private final int maxKeys;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private int inFlight;
    private long statements;
    private long probes;

    CoalescingColdSource(ColdEventSource delegate, int maxInFlight, int maxKeys) {
        this.delegate = delegate;
        this.maxInFlight = maxInFlight;
        this.maxKeys = maxKeys;
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
        lock.lock();
        try {
            return statements;
        } finally {
            lock.unlock();
        }
    }

    /** Probes answered (or failed) so far; {@code probes ÷ statements} is the coalescing factor. */
    long probes() {
        lock.lock();
        try {
            return probes;
        } finally {
            lock.unlock();
        }
    }

    /** Probes waiting for a statement now. */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<SocketEventEntry> find(ColdQuery query) {
        Waiter me = new Waiter(query, lock.newCondition());
        lock.lock();
        try {
            if (inFlight < maxInFlight) {
                inFlight++;
                me.lead = true;
            } else {
                queue.add(me);
                // Waiting is bounded: every statement ahead is bounded by its own timeout, and the one serving
                // this probe too. A probe still queued at its deadline gives up (the caller answers from memory).
                long deadline = System.nanoTime() + 3 * query.timeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
                while (!me.lead && !me.done) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 && queue.remove(me)) {
                        throw new IllegalStateException(
                                "cold-tier probe waited longer than " + query.timeout() + " × 3 for a statement");
                    }
                    me.signal.awaitNanos(Math.max(left, TimeUnit.MILLISECONDS.toNanos(10)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (queue.remove(me)) {
                throw new IllegalStateException("interrupted while waiting for a cold-tier statement", e);
            }
            // Already taken into a statement: its answer follows (lead or done), uninterruptibly.
            while (!me.lead && !me.done) {
                me.signal.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        if (!me.done) {
            lead(me);
        }
        if (me.error != null) {
            throw me.error;
        }
        return java.util.Objects.requireNonNull(me.rows);
    }

    /** Runs one statement for {@code me} and whatever waits, answers them all, then passes the slot on. */
    private void lead(Waiter me) {
        List<Waiter> batch = new ArrayList<>();
        batch.add(me);
        int keys = me.query.connectKeys().length + me.query.bindKeys().length;
        lock.lock();
        try {
            while (!queue.isEmpty()) {
                Waiter next = queue.peek();
                int more = next.query.connectKeys().length + next.query.bindKeys().length;
                if (keys + more > maxKeys) {
                    break;
                }
                keys += more;
                batch.add(queue.poll());
            }
        } finally {
            lock.unlock();
        }
        List<SocketEventEntry> rows = null;
        RuntimeException error = null;
        try {
            List<ColdQuery> queries = new ArrayList<>(batch.size());
            for (Waiter w : batch) {
                queries.add(w.query);
            }
            rows = delegate.find(ColdQuery.merge(queries));
        } catch (RuntimeException e) {
            error = e;
        }
        // Each waiter's share is filtered outside the lock, by the thread that ran the statement.
        for (Waiter w : batch) {
            if (error != null) {
                w.error = error;
            } else if (batch.size() == 1) {
                w.rows = rows;
            } else {
                w.rows = select(rows, w.query);
            }
        }
        lock.lock();
        try {
            statements++;
            probes += batch.size();
            for (Waiter w : batch) {
                w.done = true;
                w.signal.signal();
            }
            Waiter next = queue.poll();
            if (next != null) {
                next.lead = true;
                next.signal.signal();
            } else {
                inFlight--;
            }
        } finally {
            lock.unlock();
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

    /** One caller's probe: its query, and its answer once a statement has run. Guarded by the lock. */
    private static final class Waiter {
        final ColdQuery query;
        final Condition signal;
        boolean lead;
        boolean done;

        @Nullable
        List<SocketEventEntry> rows;

        @Nullable
        RuntimeException error;

        Waiter(ColdQuery query, Condition signal) {
            this.query = query;
            this.signal = signal;
        }
    }
}
