package io.zeekagent.hub.ingest;

import io.zeekagent.hub.attribution.ColdEventSource;
import io.zeekagent.hub.attribution.ColdQuery;
import io.zeekagent.hub.attribution.ColdTierProperties;
import io.zeekagent.hub.attribution.SocketEventEntry;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Attribution's cold tier over {@code socket_events}: one statement per group of probes, {@code k = ANY(array)}
 * on the generated key column (Flyway V10) and its {@code (k, event_time)} index, bounded by receipt time so that
 * PostgreSQL reads only the partitions memory no longer covers. On H2 the index is created the first time the tier
 * is used (it is off there by default; the migration does not build it).
 */
@Repository
class SocketEventColdStore implements ColdEventSource {

    private static final String SELECT = "SELECT seuid, host_id, syscall, pid, exe, uid, protocol, local_address,"
            + " local_port, remote_address, remote_port, event_time, received_at FROM socket_events"
            + " WHERE received_at >= ? AND received_at <= ?";

    /**
     * H2's key column, added when the cold tier is switched on there (not by a migration: on H2 the tier is off by
     * default and the generated column alone cost H2's insert path 7-23 percent in alternating runs). Same value as
     * PostgreSQL's generated column (V10) and {@link io.zeekagent.hub.attribution.ColdKey}.
     */
    private static final String H2_KEY_COLUMN = "ALTER TABLE socket_events ADD COLUMN k BIGINT GENERATED ALWAYS AS ("
            + " BITOR(BITOR(BITOR("
            + " LSHIFT(CAST(BITAND(CAST(SUBSTRING(HASH('MD5', host_id), 1, 4) AS INT), 1073741823) AS BIGINT), 34),"
            + " LSHIFT(CAST(" + port("local_port", "2") + " + " + port("remote_port", "1") + " AS BIGINT), 32)),"
            + " LSHIFT(CAST(" + port("local_port", "local_port") + " AS BIGINT), 16)),"
            + " CAST(" + port("remote_port", "remote_port") + " AS BIGINT)))";

    private final JdbcTemplate jdbc;

    /** {@code value} when the port column holds a port (1-65535), else 0 (wildcard). */
    private static String port(String column, String value) {
        return "CASE WHEN COALESCE(" + column + ", 0) BETWEEN 1 AND 65535 THEN " + value + " ELSE 0 END";
    }

    private final SocketEventStore store;
    private final ColdTierConnections connections;
    private volatile boolean indexed;

    SocketEventColdStore(
            JdbcTemplate jdbc, SocketEventStore store, DataSource dataSource, ColdTierProperties properties) {
        this.jdbc = jdbc;
        this.store = store;
        this.connections = new ColdTierConnections(dataSource, properties.maxStatements(), properties.timeout());
    }

    @PreDestroy
    void close() {
        connections.close();
    }

    @Override
    public boolean enabledByDefault() {
        return store.isPostgres();
    }

    /** On H2: adds the key column and its index when missing (PostgreSQL has both from Flyway V10). */
    @Override
    public void prepare() {
        if (!store.isPostgres()) {
            Integer columns = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA()"
                            + " AND TABLE_NAME = 'SOCKET_EVENTS' AND COLUMN_NAME = 'K'",
                    Integer.class);
            if (columns == null || columns == 0) {
                jdbc.execute(H2_KEY_COLUMN);
            }
            jdbc.execute("CREATE INDEX IF NOT EXISTS socket_events_k_time_idx ON socket_events (k, event_time)");
        }
        indexed = true;
    }

    @Override
    public List<SocketEventEntry> find(ColdQuery query) {
        if (query.connectKeys().length == 0 && query.bindKeys().length == 0) {
            return List.of();
        }
        if (!indexed) {
            prepare();
        }
        boolean postgres = store.isPostgres();
        String sql = sql(query);
        if (postgres && connections.dedicated()) {
            // The cold pool's sessions carry the generic plan mode and the timeout (ColdTierConnections): one round
            // trip on a statement prepared on the server at its first use on that connection.
            try (Connection c = connections.get()) {
                return find(c, query, sql, false);
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("cold-tier probe failed: " + e.getMessage(), e);
            }
        }
        List<SocketEventEntry> rows = jdbc.execute((ConnectionCallback<List<SocketEventEntry>>)
                c -> postgres ? findWithSettings(c, query, sql) : find(c, query, sql, true));
        return rows == null ? List.of() : rows;
    }

    private static String sql(ColdQuery query) {
        StringBuilder sql = new StringBuilder(SELECT);
        if (query.eventTo() != null) {
            sql.append(" AND (event_time IS NULL OR event_time <= ?)");
        }
        List<String> keys = new ArrayList<>(2);
        if (query.connectKeys().length > 0) {
            keys.add(
                    query.eventFrom() == null
                            ? "k = ANY(?)"
                            : "(k = ANY(?) AND (event_time IS NULL OR event_time >= ?))");
        }
        if (query.bindKeys().length > 0) {
            keys.add("k = ANY(?)");
        }
        return sql.append(" AND (")
                .append(String.join(" OR ", keys))
                .append(')')
                .toString();
    }

    /**
     * PostgreSQL on a connection of the main pool (a data source that is not Hikari, e.g. in tests): the session
     * settings of {@link ColdTierConnections} are set for this probe alone and restored afterwards.
     */
    private static List<SocketEventEntry> findWithSettings(Connection c, ColdQuery query, String sql)
            throws SQLException {
        try (java.sql.Statement set = c.createStatement()) {
            set.execute("SET plan_cache_mode = force_generic_plan; SET statement_timeout = "
                    + Math.max(1, query.timeout().toMillis()));
        }
        try {
            return find(c, query, sql, false);
        } finally {
            try (java.sql.Statement reset = c.createStatement()) {
                reset.execute("RESET statement_timeout; RESET plan_cache_mode");
            }
        }
    }

    private static List<SocketEventEntry> find(Connection connection, ColdQuery query, String sql, boolean h2)
            throws SQLException {
        Instant eventTo = query.eventTo();
        Instant eventFrom = query.eventFrom();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (h2) {
                ps.setQueryTimeout((int) Math.max(1, (query.timeout().toMillis() + 999) / 1000));
            }
            int p = 1;
            ps.setObject(p++, query.receivedFrom().atOffset(ZoneOffset.UTC));
            ps.setObject(p++, query.receivedTo().atOffset(ZoneOffset.UTC));
            if (eventTo != null) {
                ps.setObject(p++, eventTo.atOffset(ZoneOffset.UTC));
            }
            if (query.connectKeys().length > 0) {
                ps.setArray(p++, array(connection, query.connectKeys()));
                if (eventFrom != null) {
                    ps.setObject(p++, eventFrom.atOffset(ZoneOffset.UTC));
                }
            }
            if (query.bindKeys().length > 0) {
                ps.setArray(p, array(connection, query.bindKeys()));
            }
            List<SocketEventEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SocketEventEntry(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            nullableLong(rs, 4),
                            rs.getString(5),
                            nullableLong(rs, 6),
                            rs.getString(7),
                            rs.getString(8),
                            nullableInt(rs, 9),
                            rs.getString(10),
                            nullableInt(rs, 11),
                            instant(rs, 12),
                            java.util.Objects.requireNonNull(instant(rs, 13))));
                }
            }
            return out;
        }
    }

    private static java.sql.Array array(Connection connection, long[] keys) throws SQLException {
        Long[] boxed = new Long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            boxed[i] = keys[i];
        }
        return connection.createArrayOf("BIGINT", boxed);
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
