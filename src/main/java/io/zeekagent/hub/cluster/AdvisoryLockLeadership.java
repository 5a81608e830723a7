package io.zeekagent.hub.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership by a PostgreSQL session-level advisory lock, held on a connection of its own (not from the pool: a
 * pooled connection returned with the lock would keep it). The lock key is derived from the schema, so hubs sharing
 * a database in different schemas elect separately. When the leader dies its session ends and the lock is free.
 */
final class AdvisoryLockLeadership implements Leadership, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLockLeadership.class);

    private final String url;
    private final Properties connectionProperties;
    private @Nullable Connection connection;
    private volatile boolean leader;

    AdvisoryLockLeadership(String url, String username, @Nullable String password) {
        this.url = url;
        this.connectionProperties = new Properties();
        connectionProperties.setProperty("user", username);
        if (password != null) {
            connectionProperties.setProperty("password", password);
        }
        connectionProperties.setProperty("connectTimeout", "5");
        connectionProperties.setProperty("socketTimeout", "10");
        connectionProperties.setProperty("ApplicationName", "zeek-agent-hub leader lock");
    }

    @Override
    public boolean isLeader() {
        return leader;
    }

    /** Takes the lock if it is free, or checks that the session holding it is still alive; call every heartbeat. */
    synchronized boolean refresh() {
        try {
            Connection c = connection;
            if (c != null && !c.isValid(5)) {
                if (leader) {
                    log.warn("Lost the leader lock: its connection is no longer valid");
                }
                leader = false;
                closeQuietly();
                c = null;
            }
            if (c == null) {
                c = DriverManager.getConnection(url, connectionProperties);
                connection = c;
            }
            if (!leader) {
                boolean won = tryLock(c);
                if (won) {
                    log.info("This replica is now the leader (runs the cluster sweeps)");
                }
                leader = won;
            }
        } catch (SQLException e) {
            if (leader) {
                log.warn("Lost the leader lock: {}", e.getMessage());
            }
            leader = false;
            closeQuietly();
        }
        return leader;
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                        "select pg_try_advisory_lock(hashtext('zeek-agent-hub leader ' || current_schema()))");
                ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * Gives the lock up (clean shutdown) so that another replica leads without waiting. The lock is released by an
     * explicit unlock before the connection closes: closing alone only asks the server to end the session, and the
     * backend frees the lock some moments later, so a successor polling right after would still find it held.
     */
    @Override
    public synchronized void close() {
        Connection c = connection;
        if (leader && c != null) {
            try (PreparedStatement s = c.prepareStatement("select pg_advisory_unlock_all()")) {
                s.execute();
            } catch (SQLException e) {
                log.debug("Releasing the leader lock failed (the session's end releases it): {}", e.getMessage());
            }
        }
        leader = false;
        closeQuietly();
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("Closing the leader connection failed: {}", e.getMessage());
            }
        }
    }
}
