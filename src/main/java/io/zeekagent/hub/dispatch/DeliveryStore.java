package io.zeekagent.hub.dispatch;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
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
    private static final String INSERT = "INSERT INTO deliveries (version, state, sent_at, message, transport,"
            + " event_name, query_text, update_type, interval_seconds, subscription_id, host_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    /** (subscription id → host ids) of the rows in the table; read once, then kept up to date by this store. */
    private @Nullable Map<String, Set<String>> stored;

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

    /**
     * Upserts the latest state of each (subscription, host): rows the table is known to hold are updated, the others
     * inserted without a useless UPDATE first (a tick reaching 10,000 new hosts writes 30,000 new rows). An update
     * that finds no row (the row went behind the store's back) falls back to an insert.
     */
    @Transactional
    synchronized void save(List<DeliveryResponse> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Set<String>> keys = storedKeys();
        List<DeliveryResponse> known = new ArrayList<>();
        List<DeliveryResponse> missing = new ArrayList<>();
        for (DeliveryResponse r : rows) {
            Set<String> hosts = keys.get(r.subscriptionId());
            (hosts != null && hosts.contains(r.hostId()) ? known : missing).add(r);
        }
        int[][] counts = jdbc.batchUpdate(UPDATE, known, BATCH, DeliveryStore::setRow);
        int i = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                if (count == 0) {
                    missing.add(known.get(i));
                }
                i++;
            }
        }
        try {
            jdbc.batchUpdate(INSERT, missing, BATCH, DeliveryStore::setRow);
        } catch (DuplicateKeyException e) {
            // Someone else wrote the table: read its keys again on the next save. This tick's rows are lost, as
            // on any write failure; the ledger in memory still says what was sent.
            stored = null;
            throw e;
        }
        for (DeliveryResponse r : missing) {
            keys.computeIfAbsent(r.subscriptionId(), id -> new HashSet<>()).add(r.hostId());
        }
    }

    private Map<String, Set<String>> storedKeys() {
        Map<String, Set<String>> keys = stored;
        if (keys == null) {
            Map<String, Set<String>> read = new HashMap<>();
            jdbc.query("SELECT subscription_id, host_id FROM deliveries", rs -> {
                read.computeIfAbsent(rs.getString(1), id -> new HashSet<>()).add(rs.getString(2));
            });
            stored = keys = read;
        }
        return keys;
    }

    /** The parameters of {@link #UPDATE} and {@link #INSERT}, which take them in the same order. */
    private static void setRow(PreparedStatement ps, DeliveryResponse r) throws SQLException {
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
    }

    /** Marks what these hosts were running as lost (they reconnected with a fresh state), in one batch. */
    @Transactional
    void markHostsReset(List<String> hostIds, String message, Instant at) {
        if (hostIds.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "UPDATE deliveries SET state = 'UNSUBSCRIBED', message = ?, sent_at = ?"
                        + " WHERE host_id = ? AND state = 'SUBSCRIBED'",
                hostIds,
                BATCH,
                (ps, hostId) -> {
                    ps.setString(1, message);
                    ps.setObject(2, utc(at));
                    ps.setString(3, hostId);
                });
    }

    /** Forgets everything sent to these hosts (they were deleted), in one batch. */
    @Transactional
    synchronized void deleteHosts(List<String> hostIds) {
        if (!hostIds.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM deliveries WHERE host_id = ?", hostIds, BATCH, (ps, hostId) -> {
                ps.setString(1, hostId);
            });
            Map<String, Set<String>> keys = stored;
            if (keys != null) {
                keys.values().forEach(hosts -> hostIds.forEach(hosts::remove));
            }
        }
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
