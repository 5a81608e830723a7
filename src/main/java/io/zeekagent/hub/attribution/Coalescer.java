package io.zeekagent.hub.attribution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Runs concurrent callers' work in shared batches, with no timer: at most {@code maxInFlight} batches run at once; an
 * item that finds a free slot runs at once (alone, no added latency when idle); an item arriving while every slot is
 * busy waits, and the next batch takes every item waiting by then, up to {@code maxSize} (as measured by the items'
 * sizes; the item that leads a batch is always taken). The thread whose item leads runs the batch for everyone; the
 * {@link Batch} leaves each item's answer in the item itself, and a batch that fails fails every item in it with the
 * same exception. Used for cold-tier statements ({@link CoalescingColdSource}) and calls to other replicas
 * ({@link CoalescingPeerTransport}). Thread-safe.
 *
 * @param <T> one caller's item: its request, and room for its answer
 * @param <E> the checked exception a batch may throw
 */
final class Coalescer<T, E extends Exception> {

    /** The shared work: answers every item of a batch (in place), or throws for all of them. */
    @FunctionalInterface
    interface Batch<T, E extends Exception> {
        void run(List<T> items) throws E;
    }

    private final Batch<T, E> batch;
    private final int maxInFlight;
    private final int maxSize;
    private final ToIntFunction<T> size;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter<T>> queue = new ArrayDeque<>();
    private int inFlight;
    private long batches;
    private long items;

    Coalescer(Batch<T, E> batch, int maxInFlight, int maxSize, ToIntFunction<T> size) {
        this.batch = batch;
        this.maxInFlight = Math.max(1, maxInFlight);
        this.maxSize = maxSize;
        this.size = size;
    }

    /** Batches run so far. */
    long batches() {
        lock.lock();
        try {
            return batches;
        } finally {
            lock.unlock();
        }
    }

    /** Items answered (or failed) so far; {@code items ÷ batches} is the coalescing factor. */
    long items() {
        lock.lock();
        try {
            return items;
        } finally {
            lock.unlock();
        }
    }

    /** Items waiting for a batch now. */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Whether nothing runs or waits now. */
    boolean idle() {
        lock.lock();
        try {
            return inFlight == 0 && queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Answers {@code item}, in a batch of its own or shared. An item still queued after {@code maxWaitNanos} gives up
     * with an {@link IllegalStateException} (waiting is bounded only by the batches ahead, each bounded by its own
     * timeout); so does one interrupted while queued. Once taken into a batch, an item waits for its answer.
     */
    void run(T item, long maxWaitNanos) throws E {
        Waiter<T> me = new Waiter<>(item, lock.newCondition());
        lock.lock();
        try {
            if (inFlight < maxInFlight) {
                inFlight++;
                me.lead = true;
            } else {
                queue.add(me);
                long deadline = System.nanoTime() + maxWaitNanos;
                while (!me.lead && !me.done) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 && queue.remove(me)) {
                        throw new IllegalStateException("waited longer than "
                                + TimeUnit.NANOSECONDS.toMillis(maxWaitNanos) + " ms for a shared batch");
                    }
                    me.signal.awaitNanos(Math.max(left, TimeUnit.MILLISECONDS.toNanos(10)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (queue.remove(me)) {
                throw new IllegalStateException("interrupted while waiting for a shared batch", e);
            }
            // Already taken into a batch: its answer follows (lead or done), uninterruptibly.
            while (!me.lead && !me.done) {
                me.signal.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        if (!me.done) {
            lead(me);
        }
        rethrow(me.error);
    }

    @SuppressWarnings("unchecked")
    private void rethrow(@Nullable Throwable error) throws E {
        if (error == null) {
            return;
        }
        if (error instanceof RuntimeException r) {
            throw r;
        }
        if (error instanceof Error r) {
            throw r;
        }
        // Batch.run throws only E or unchecked exceptions.
        throw (E) error;
    }

    /** Runs one batch for {@code me} and whatever waits, answers them all, then passes the slot on. */
    private void lead(Waiter<T> me) {
        List<Waiter<T>> taken = new ArrayList<>();
        taken.add(me);
        int total = size.applyAsInt(me.item);
        lock.lock();
        try {
            while (!queue.isEmpty()) {
                int more = size.applyAsInt(queue.peek().item);
                if (total + more > maxSize) {
                    break;
                }
                total += more;
                taken.add(queue.poll());
            }
        } finally {
            lock.unlock();
        }
        Throwable error = null;
        try {
            List<T> work = new ArrayList<>(taken.size());
            for (Waiter<T> w : taken) {
                work.add(w.item);
            }
            batch.run(work);
        } catch (Exception | Error e) {
            error = e;
        }
        lock.lock();
        try {
            batches++;
            items += taken.size();
            for (Waiter<T> w : taken) {
                w.error = error;
                w.done = true;
                w.signal.signal();
            }
            Waiter<T> next = queue.poll();
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

    /** One caller's item and its state. Guarded by the lock. */
    private static final class Waiter<T> {
        final T item;
        final Condition signal;
        boolean lead;
        boolean done;

        @Nullable
        Throwable error;

        Waiter(T item, Condition signal) {
            this.item = item;
            this.signal = signal;
        }
    }
}
