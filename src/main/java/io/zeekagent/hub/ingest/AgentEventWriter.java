package io.zeekagent.hub.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers agent socket events in a bounded queue and commits them from one thread, a batch at a time, every
 * flush interval or as soon as a batch is full. A full buffer drops the row and counts it; stopping drains and
 * commits everything still buffered.
 */
final class AgentEventWriter {

    private static final Logger log = LoggerFactory.getLogger(AgentEventWriter.class);

    private final BlockingQueue<StoredSocketEvent> buffer;
    private final Consumer<List<StoredSocketEvent>> committer;
    private final long flushNanos;
    private final int batchSize;
    private final Thread thread;
    private volatile boolean running;

    AgentEventWriter(IngestProperties properties, Consumer<List<StoredSocketEvent>> committer) {
        this.buffer = new ArrayBlockingQueue<>(properties.bufferCapacity());
        this.committer = committer;
        this.flushNanos = properties.flushInterval().toNanos();
        this.batchSize = properties.batchSize();
        this.thread = new Thread(this::run, "socket-event-writer");
        this.thread.setDaemon(true);
    }

    /** Queues an event; false when the buffer is full (the caller counts the drop). */
    boolean offer(StoredSocketEvent event) {
        return buffer.offer(event);
    }

    int buffered() {
        return buffer.size();
    }

    void start() {
        running = true;
        thread.start();
    }

    /** Stops taking time slices and commits whatever is buffered before returning. */
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushAll();
    }

    private void run() {
        List<StoredSocketEvent> batch = new ArrayList<>(batchSize);
        while (running) {
            try {
                long deadline = System.nanoTime() + flushNanos;
                while (batch.size() < batchSize) {
                    long left = deadline - System.nanoTime();
                    StoredSocketEvent next = left > 0 ? buffer.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    buffer.drainTo(batch, batchSize - batch.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            commit(batch);
        }
        commit(batch);
    }

    private synchronized void flushAll() {
        List<StoredSocketEvent> batch = new ArrayList<>(batchSize);
        while (buffer.drainTo(batch, batchSize) > 0) {
            commit(batch);
        }
    }

    private void commit(List<StoredSocketEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            committer.accept(List.copyOf(batch));
        } catch (RuntimeException e) {
            log.error("Could not store {} socket events; they are lost", batch.size(), e);
        }
        batch.clear();
    }
}
