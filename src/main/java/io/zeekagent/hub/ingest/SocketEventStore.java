package io.zeekagent.hub.ingest;

import io.zeekagent.hub.attribution.SocketEventEntry;
import io.zeekagent.hub.attribution.SocketEventHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code socket_events} table through plain JDBC: batched inserts (one round trip per batch, not one JPA save
 * per row), reads by seuid, the replay that rebuilds the attribution index, and retention deletes.
 */
@Repository
class SocketEventStore implements SocketEventHistory {

    static final String COLUMNS = "seuid, host_id, syscall, pid, fd, exe, uid, success, family, protocol,"
            + " local_address, local_port, remote_address, remote_port, event_time, received_at";
    private static final String INSERT =
            "INSERT INTO socket_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int REPLAY_BATCH = 10_000;

    private final JdbcTemplate jdbc;
    private volatile @Nullable Boolean postgres;

    SocketEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the events in one round trip (COPY on PostgreSQL, a JDBC batch elsewhere); the caller owns the transaction. */
    void insert(List<StoredSocketEvent> events) {
        if (postgres()) {
            jdbc.execute((ConnectionCallback<@Nullable Void>) connection -> {
                SocketEventCopy.copy(connection, events);
                return null;
            });
            return;
        }
        jdbc.batchUpdate(INSERT, events, events.size(), SocketEventStore::bind);
    }

    /**
     * Writes events that may have been written before (the stream's at-least-once delivery): COPY first, in its own
     * transaction; when a seuid is already stored the batch is written again with {@code ON CONFLICT DO NOTHING}.
     * Returns how many rows were new.
     */
    int insertIdempotent(List<StoredSocketEvent> events, TransactionTemplate tx) {
        try {
            tx.executeWithoutResult(status -> insert(events));
            return events.size();
        } catch (DuplicateKeyException e) {
            Integer inserted = tx.execute(status -> postgres() ? insertSkippingStored(events) : insertMissing(events));
            return inserted == null ? 0 : inserted;
        }
    }

    private int insertSkippingStored(List<StoredSocketEvent> events) {
        int n = 0;
        for (int count : jdbc.batchUpdate(
                        INSERT + " ON CONFLICT (seuid, received_at) DO NOTHING",
                        events,
                        events.size(),
                        SocketEventStore::bind)[0]) {
            n += Math.max(count, 0);
        }
        return n;
    }

    /** Without ON CONFLICT (H2): the events whose seuid is not stored yet. */
    private int insertMissing(List<StoredSocketEvent> events) {
        java.util.Set<String> stored = new java.util.HashSet<>();
        for (StoredSocketEvent e : events) {
            stored.addAll(
                    jdbc.queryForList("SELECT seuid FROM socket_events WHERE seuid = ?", String.class, e.seuid()));
        }
        List<StoredSocketEvent> missing =
                events.stream().filter(e -> !stored.contains(e.seuid())).toList();
        if (!missing.isEmpty()) {
            insert(missing);
        }
        return missing.size();
    }

    /** Whether the database is PostgreSQL. */
    boolean isPostgres() {
        return postgres();
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) SocketEventCopy::supports));
            postgres = known;
        }
        return known;
    }

    Optional<SocketEventResponse> find(String seuid) {
        return jdbc.query("SELECT " + COLUMNS + " FROM socket_events WHERE seuid = ?", RESPONSE, seuid).stream()
                .findFirst();
    }

    @Override
    public void replaySince(Instant since, Consumer<List<SocketEventEntry>> sink) {
        replayAfter(-1, since, sink);
    }

    /**
     * Replays only the newest {@code max} events received since {@code since} (what memory holds after the rebuild);
     * returns the receipt time of the newest event left out, or {@code null} when none was.
     */
    @Override
    public @Nullable Instant replayNewest(Instant since, long max, Consumer<List<SocketEventEntry>> sink) {
        List<Long> boundary = jdbc.queryForList(
                "SELECT id FROM socket_events WHERE received_at >= ? ORDER BY id DESC LIMIT 1 OFFSET ?",
                Long.class,
                since.atOffset(ZoneOffset.UTC),
                max);
        if (boundary.isEmpty()) {
            replayAfter(-1, since, sink);
            return null;
        }
        long last = boundary.get(0);
        // Ids follow receipt order (to within the batches in flight): the boundary row's receipt is the floor.
        List<OffsetDateTime> skipped =
                jdbc.queryForList("SELECT received_at FROM socket_events WHERE id = ?", OffsetDateTime.class, last);
        replayAfter(last, since, sink);
        return skipped.isEmpty() || skipped.get(0) == null
                ? null
                : skipped.get(0).toInstant();
    }

    private void replayAfter(long start, Instant since, Consumer<List<SocketEventEntry>> sink) {
        long after = start;
        while (true) {
            List<Long> ids = new ArrayList<>(REPLAY_BATCH);
            List<SocketEventEntry> batch = jdbc.query(
                    "SELECT id, " + COLUMNS + " FROM socket_events WHERE id > ? AND received_at >= ? ORDER BY id"
                            + " LIMIT " + REPLAY_BATCH,
                    (rs, n) -> {
                        ids.add(rs.getLong("id"));
                        return StoredSocketEvent.entry(RESPONSE.mapRow(rs, n));
                    },
                    after,
                    since.atOffset(ZoneOffset.UTC));
            if (batch.isEmpty()) {
                return;
            }
            sink.accept(batch);
            after = ids.get(ids.size() - 1);
        }
    }

    /**
     * Deletes events received before the cutoff; returns how many. There is no index on {@code received_at} (V8: it
     * cost every insert a fifth of H2's work), but ids follow receipt order to within the batches in flight, so a
     * binary search over the primary key finds where receipt times cross the cutoff. A row written out of order
     * beyond that point is deleted by a later sweep; no row received at or after the cutoff is ever deleted.
     */
    int deleteReceivedBefore(Instant cutoff) {
        Long oldest = jdbc.queryForObject("SELECT MIN(id) FROM socket_events", Long.class);
        Long newest = jdbc.queryForObject("SELECT MAX(id) FROM socket_events", Long.class);
        if (oldest == null || newest == null || !receivedBefore(oldest, cutoff)) {
            return 0;
        }
        // The first id from which rows were received at or after the cutoff; newest + 1 when none was.
        long low = oldest + 1;
        long high = newest + 1;
        while (low < high) {
            long middle = low + (high - low) / 2;
            if (receivedBefore(middle, cutoff)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return jdbc.update(
                "DELETE FROM socket_events WHERE id < ? AND received_at < ?", low, cutoff.atOffset(ZoneOffset.UTC));
    }

    /** Whether the first row from {@code id} on was received before the cutoff (false when there is none). */
    private boolean receivedBefore(long id, Instant cutoff) {
        List<OffsetDateTime> first = jdbc.queryForList(
                "SELECT received_at FROM socket_events WHERE id >= ? ORDER BY id LIMIT 1", OffsetDateTime.class, id);
        return !first.isEmpty() && first.get(0).toInstant().isBefore(cutoff);
    }

    /**
     * Deletes the oldest events beyond {@code max}; returns how many. Runs every sweep, so it must not read the table:
     * the former {@code ORDER BY id DESC OFFSET max} walked 2,000,000 rows (the default cap) each time, a tenth of a
     * core taken from ingestion on H2, and it evicted the writer's pages from H2's page cache.
     */
    int trimTo(long max) {
        // Distinct ids cannot outnumber the span between the smallest and the largest: the two ends of the primary
        // key say "nothing to trim" below the cap.
        Long span = jdbc.queryForObject("SELECT MAX(id) - MIN(id) + 1 FROM socket_events", Long.class);
        if (span == null || span <= max) {
            return 0;
        }
        // Over the cap: walk only the excess from the oldest end (COUNT(*) is the table's row count on H2, one
        // index scan on PostgreSQL, as the walk from the newest end was). Rows inserted meanwhile have larger ids.
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM socket_events", Long.class);
        if (count == null || count <= max) {
            return 0;
        }
        List<Long> boundary = jdbc.queryForList(
                "SELECT id FROM socket_events ORDER BY id LIMIT 1 OFFSET ?", Long.class, count - max - 1);
        return boundary.isEmpty() ? 0 : jdbc.update("DELETE FROM socket_events WHERE id <= ?", boundary.get(0));
    }

    static final RowMapper<SocketEventResponse> RESPONSE = (rs, n) -> new SocketEventResponse(
            rs.getString("seuid"),
            rs.getString("host_id"),
            rs.getString("syscall"),
            nullableLong(rs, "pid"),
            nullableLong(rs, "fd"),
            rs.getString("exe"),
            nullableLong(rs, "uid"),
            rs.getObject("success") == null ? null : rs.getBoolean("success"),
            nullableInt(rs, "family"),
            rs.getString("protocol"),
            rs.getString("local_address"),
            nullableInt(rs, "local_port"),
            rs.getString("remote_address"),
            nullableInt(rs, "remote_port"),
            instant(rs, "event_time"),
            java.util.Objects.requireNonNull(instant(rs, "received_at")));

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static void bind(java.sql.PreparedStatement ps, StoredSocketEvent e) throws SQLException {
        SocketEventInput in = e.input();
        ps.setString(1, e.seuid());
        ps.setString(2, in.hostId());
        ps.setString(3, in.syscall());
        setLong(ps, 4, in.pid());
        setLong(ps, 5, in.fd());
        ps.setString(6, in.exe());
        setLong(ps, 7, in.uid());
        if (in.success() == null) {
            ps.setNull(8, Types.BOOLEAN);
        } else {
            ps.setBoolean(8, in.success());
        }
        setInt(ps, 9, in.family());
        ps.setString(10, in.protocol());
        ps.setString(11, in.localAddress());
        setInt(ps, 12, in.localPort());
        ps.setString(13, in.remoteAddress());
        setInt(ps, 14, in.remotePort());
        ps.setObject(15, in.time() == null ? null : in.time().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(16, e.receivedAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static void setLong(java.sql.PreparedStatement ps, int i, @Nullable Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static void setInt(java.sql.PreparedStatement ps, int i, @Nullable Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
