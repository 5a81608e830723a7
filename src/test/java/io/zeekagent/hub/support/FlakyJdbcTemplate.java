package io.zeekagent.hub.support;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * A JdbcTemplate for the batch writers' tests whose batch inserts fail with a connection failure for as long as
 * {@link #failures} lasts, as when the database is away, and then keep every row they are given.
 */
public final class FlakyJdbcTemplate extends JdbcTemplate {

    /** Batch inserts still to fail. */
    public final AtomicInteger failures = new AtomicInteger();

    /** Batch inserts tried, failed or not. */
    public final AtomicInteger attempts = new AtomicInteger();

    /** Every row of every batch insert that succeeded. */
    public final List<Object> stored = new CopyOnWriteArrayList<>();

    @Override
    public <T> int[][] batchUpdate(
            String sql, Collection<T> batchArgs, int batchSize, ParameterizedPreparedStatementSetter<T> pss) {
        attempts.incrementAndGet();
        if (failures.getAndDecrement() > 0) {
            throw new CannotGetJdbcConnectionException("Connection refused");
        }
        stored.addAll(batchArgs);
        return new int[0][];
    }
}
