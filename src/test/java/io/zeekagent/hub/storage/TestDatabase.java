package io.zeekagent.hub.storage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

/** A sink standing in for the database: it can be stopped (writes fail as an outage) and keeps what it was given. */
final class TestDatabase implements BatchSink<TestRow> {

    final List<TestRow> rows = new CopyOnWriteArrayList<>();
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger attempts = new AtomicInteger();
    /** Batches still to commit before the database goes down by itself; negative for no limit. */
    final AtomicInteger batchesBeforeOutage = new AtomicInteger(-1);
    /** Writes still to fail as pgjdbc does under {@code -ea} when the server closes the connection mid-batch. */
    final AtomicInteger driverAssertions = new AtomicInteger();

    @Override
    public void write(List<TestRow> batch) {
        attempts.incrementAndGet();
        if (driverAssertions.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw");
        }
        if (down.get() || batchesBeforeOutage.get() == 0) {
            throw new CannotCreateTransactionException("Connection refused");
        }
        if (batch.stream().anyMatch(r -> r.host().equals("poison"))) {
            throw new DataIntegrityViolationException("duplicate key");
        }
        batchesBeforeOutage.decrementAndGet();
        rows.addAll(batch);
    }

    List<Integer> numbers() {
        return rows.stream().map(TestRow::n).toList();
    }
}
