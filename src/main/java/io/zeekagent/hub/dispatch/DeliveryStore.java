package io.zeekagent.hub.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code deliveries} table, written in JDBC batches: a tick that reaches 10,000 new hosts writes 30,000 rows,
 * which one-entity-at-a-time JPA could not do within the tick.
 */
@Repository
class DeliveryStore {

    private static final String COLUMNS = "subscription_id, host_id, version, state, sent_at, message, transport,"
            + " event_name, query_text, update_type, interval_seconds";
    private static final String UPDATE = "UPDATE deliveries SET version = ?, state = ?, sent_at = ?, message = ?,"
            + " transport = ?, event_name = ?, query_text = ?, update_type = ?, interval_seconds = ?"
            + " WHERE subscription_id = ? AND host_id = ?";
    private static final String INSERT =
            "INSERT INTO deliveries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every delivery a host should still be running. */
    @Transactional(readOnly = true)
    List<Delivered> loadSubscribed() {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM deliveries WHERE state = 'SUBSCRIBED'",
                (rs, i) -> new Delivered(rs.getString("host_id"), rs.getString("transport"), command(rs)));
    }

    /** Upserts the latest state of each (subscription, host). */
    @Transactional
    void save(List<DeliveryResponse> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int[][] counts = jdbc.batchUpdate(UPDATE, rows, 1000, (ps, r) -> {
            ps.setLong(1, r.version());
            ps.setString(2, r.state().name());
            ps.setObject(3, utc(r.sentAt()));
            ps.setString(4, r.message());
            ps.setString(5, r.transport());
            ps.setString(6, r.event());
            ps.setString(7, r.query());
            ps.setString(8, r.updateType());
            ps.setLong(9, r.intervalSeconds());
            ps.setString(10, r.subscriptionId());
            ps.setString(11, r.hostId());
        });
        List<DeliveryResponse> missing = new ArrayList<>();
        int i = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                if (count == 0) {
                    missing.add(rows.get(i));
                }
                i++;
            }
        }
        jdbc.batchUpdate(INSERT, missing, 1000, (ps, r) -> {
            ps.setString(1, r.subscriptionId());
            ps.setString(2, r.hostId());
            ps.setLong(3, r.version());
            ps.setString(4, r.state().name());
            ps.setObject(5, utc(r.sentAt()));
            ps.setString(6, r.message());
            ps.setString(7, r.transport());
            ps.setString(8, r.event());
            ps.setString(9, r.query());
            ps.setString(10, r.updateType());
            ps.setLong(11, r.intervalSeconds());
        });
    }

    /** Marks what a host was running as lost (it reconnected with a fresh state); returns how many. */
    @Transactional
    int markHostReset(String hostId, String message, Instant at) {
        return jdbc.update(
                "UPDATE deliveries SET state = 'UNSUBSCRIBED', message = ?, sent_at = ?"
                        + " WHERE host_id = ? AND state = 'SUBSCRIBED'",
                message,
                utc(at),
                hostId);
    }

    @Transactional(readOnly = true)
    long countForSubscription(String subscriptionId) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM deliveries WHERE subscription_id = ?", Long.class, subscriptionId);
        return n == null ? 0 : n;
    }

    @Transactional(readOnly = true)
    List<DeliveryResponse> pageForSubscription(String subscriptionId, long offset, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM deliveries WHERE subscription_id = ? ORDER BY host_id"
                        + " LIMIT ? OFFSET ?",
                (rs, i) -> response(rs),
                subscriptionId,
                limit,
                offset);
    }

    private static SubscriptionCommand command(ResultSet rs) throws SQLException {
        String id = rs.getString("subscription_id");
        return new SubscriptionCommand(
                id,
                rs.getLong("version"),
                rs.getString("event_name"),
                rs.getString("query_text"),
                id,
                rs.getString("update_type"),
                rs.getLong("interval_seconds"));
    }

    private static DeliveryResponse response(ResultSet rs) throws SQLException {
        SubscriptionCommand c = command(rs);
        return new DeliveryResponse(
                c.subscriptionId(),
                rs.getString("host_id"),
                c.version(),
                DeliveryState.valueOf(rs.getString("state")),
                instant(rs.getObject("sent_at", OffsetDateTime.class)),
                rs.getString("message"),
                rs.getString("transport"),
                c.event(),
                c.query(),
                c.updateType(),
                c.intervalSeconds());
    }

    private static Instant instant(@Nullable OffsetDateTime t) {
        return t == null ? Instant.EPOCH : t.toInstant();
    }

    static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
