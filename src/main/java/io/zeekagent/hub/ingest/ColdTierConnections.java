package io.zeekagent.hub.ingest;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The cold tier's own small connection pool on PostgreSQL: as many connections as cold statements may run at once
 * ({@code hub.attribution.cold.max-statements}), opened with the session settings every probe needs, so that a probe
 * is one Bind/Execute round trip on a statement the server has already parsed and planned. Settings, in the startup
 * packet (no extra statement): {@code plan_cache_mode=force_generic_plan} — the custom plan of the partitioned table
 * looks cheaper than the generic one, so the plan cache would otherwise plan every probe again (about 0.6 ms
 * planning for 0.05 ms executing) — and {@code statement_timeout} = {@code hub.attribution.cold.timeout} (the driver's
 * own query timeout costs a timer task per statement); {@code prepareThreshold=1} makes the driver prepare the probe
 * on the server at its first use. The wait for a connection is bounded by the same timeout. The rest (URL, user,
 * the other timeouts) is copied from the main pool, which keeps every connection for the rest of the hub. Without a
 * Hikari main pool (tests) the main data source is used as it is.
 */
final class ColdTierConnections implements AutoCloseable {

    /** Hikari's own floor for the connection timeout. */
    static final long MIN_CONNECTION_TIMEOUT_MILLIS = 250;

    private final DataSource main;
    private final int size;
    private final Duration timeout;
    private volatile @Nullable HikariDataSource own;

    ColdTierConnections(DataSource main, int size, Duration timeout) {
        this.main = main;
        this.size = size;
        this.timeout = timeout;
    }

    /** Whether connections come from the cold tier's own pool, with its session settings. */
    boolean dedicated() {
        return main instanceof HikariDataSource;
    }

    /** A connection for one probe; close it to return it. */
    Connection get() throws SQLException {
        if (!(main instanceof HikariDataSource hikari)) {
            return main.getConnection();
        }
        HikariDataSource pool = own;
        if (pool == null) {
            synchronized (this) {
                pool = own;
                if (pool == null) {
                    pool = create(hikari);
                    own = pool;
                }
            }
        }
        return pool.getConnection();
    }

    private HikariDataSource create(HikariDataSource hikari) {
        HikariConfig config = new HikariConfig();
        hikari.copyStateTo(config);
        config.setPoolName(hikari.getPoolName() + "-cold");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionInitSql(null);
        // A probe waits for a connection at most as long as it may run: with the database gone, the main pool's
        // connection timeout (5 s by default) would hold every cold lookup that long before memory's answer.
        config.setConnectionTimeout(
                Math.max(MIN_CONNECTION_TIMEOUT_MILLIS, Math.min(hikari.getConnectionTimeout(), timeout.toMillis())));
        config.setHealthCheckRegistry(null);
        Properties properties = new Properties();
        properties.putAll(hikari.getDataSourceProperties());
        String options = properties.getProperty("options", "");
        properties.setProperty(
                "options",
                (options.isBlank() ? "" : options + " ") + "-c plan_cache_mode=force_generic_plan -c statement_timeout="
                        + Math.max(1, timeout.toMillis()));
        properties.setProperty("prepareThreshold", "1");
        config.setDataSourceProperties(properties);
        return new HikariDataSource(config);
    }

    /** How long a probe waits for a connection of the own pool (0 before the pool exists or without one). */
    long connectionTimeoutMillis() {
        HikariDataSource pool = own;
        return pool == null ? 0 : pool.getConnectionTimeout();
    }

    @Override
    public void close() {
        HikariDataSource pool = own;
        if (pool != null) {
            pool.close();
        }
    }
}
