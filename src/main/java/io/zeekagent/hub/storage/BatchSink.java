package io.zeekagent.hub.storage;

import java.util.List;

/** Where a stream's batches go: the database write of one batch, in one transaction. */
@FunctionalInterface
public interface BatchSink<T> {

    /** Writes the batch, or throws; a database outage ({@code DatabaseOutage}) is retried, anything else is not. */
    void write(List<T> batch);

    /**
     * Told once about every row taken from the in-memory buffer, before it is first written or spooled (never again
     * for a retry or a replay): for side effects that must happen exactly once, such as a log-file line.
     */
    default void taken(List<T> batch) {}
}
