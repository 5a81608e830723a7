package io.zeekagent.hub.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The investigation reads over {@code socket_events}: the filtered event list and the IOC sweep ("which hosts and
 * processes talked to this address"). An address filter uses {@code socket_events_remote_address_idx}; the other
 * filters narrow what it (or the host index) finds. Stable order: receipt order (id), or host and process.
 */
@Repository
class SocketEventSearch {

    private static final String TIME = "COALESCE(event_time, received_at)";

    private final JdbcTemplate jdbc;

    SocketEventSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<SocketEventResponse> page(SocketEventFilter filter, long offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query(
                "SELECT " + SocketEventStore.COLUMNS + " FROM socket_events" + where + " ORDER BY id LIMIT ? OFFSET ?",
                SocketEventStore.RESPONSE,
                args.toArray());
    }

    long count(SocketEventFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM socket_events" + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** Per host and process that had {@code addresses} as remote address in the range: first/last seen, count. */
    List<ContactResponse> contacts(
            List<String> addresses, @Nullable Instant from, @Nullable Instant to, long offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(contactFilter(addresses, from, to), args);
        args.add(limit);
        args.add(offset);
        return jdbc.query(
                "SELECT host_id, pid, exe, MIN(uid) AS uid, MIN(" + TIME + ") AS first_seen, MAX(" + TIME
                        + ") AS last_seen, COUNT(*) AS events FROM socket_events" + where
                        + " GROUP BY host_id, pid, exe ORDER BY host_id, pid, exe LIMIT ? OFFSET ?",
                CONTACT,
                args.toArray());
    }

    long countContacts(List<String> addresses, @Nullable Instant from, @Nullable Instant to) {
        List<Object> args = new ArrayList<>();
        String where = where(contactFilter(addresses, from, to), args);
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM (SELECT 1 AS one FROM socket_events" + where + " GROUP BY host_id, pid, exe) g",
                Long.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    private static SocketEventFilter contactFilter(
            List<String> addresses, @Nullable Instant from, @Nullable Instant to) {
        return new SocketEventFilter(null, from, to, addresses, null, List.of(), null, null);
    }

    private static String where(SocketEventFilter f, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (f.hostId() != null) {
            clauses.add("host_id = ?");
            args.add(f.hostId());
        }
        in(clauses, args, "remote_address", f.remoteAddresses());
        in(clauses, args, "local_address", f.localAddresses());
        if (f.remotePort() != null) {
            clauses.add("remote_port = ?");
            args.add(f.remotePort());
        }
        if (f.localPort() != null) {
            clauses.add("local_port = ?");
            args.add(f.localPort());
        }
        if (f.exe() != null) {
            clauses.add("exe = ?");
            args.add(f.exe());
        }
        if (f.since() != null) {
            clauses.add(TIME + " >= ?");
            args.add(f.since().atOffset(ZoneOffset.UTC));
        }
        if (f.until() != null) {
            clauses.add(TIME + " < ?");
            args.add(f.until().atOffset(ZoneOffset.UTC));
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static void in(List<String> clauses, List<Object> args, String column, List<String> values) {
        if (!values.isEmpty()) {
            clauses.add(column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")");
            args.addAll(values);
        }
    }

    private static final RowMapper<ContactResponse> CONTACT = (rs, n) -> new ContactResponse(
            rs.getString("host_id"),
            nullableLong(rs, "pid"),
            rs.getString("exe"),
            nullableLong(rs, "uid"),
            instant(rs, "first_seen"),
            instant(rs, "last_seen"),
            rs.getLong("events"));

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? Instant.EPOCH : value.toInstant();
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
