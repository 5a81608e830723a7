package io.zeekagent.hub.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hourly partitions of {@code socket_events} on PostgreSQL (Flyway V10): creates the coming hours' partitions
 * ahead of time and drops whole partitions once every row in them is past retention (no row deletes). Each step is
 * one idempotent statement checked against the catalog first, so a restart in the middle of a pass is safe: the next
 * pass creates or drops what is still missing or left.
 */
final class SocketEventPartitions {

    static final String PREFIX = "socket_events_p";
    private static final Logger log = LoggerFactory.getLogger(SocketEventPartitions.class);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;

    SocketEventPartitions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code socket_events} in the current schema is a partitioned table. */
    boolean partitioned() {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM pg_partitioned_table pt JOIN pg_class c ON c.oid = pt.partrelid"
                        + " WHERE c.relname = 'socket_events' AND c.relnamespace = current_schema()::regnamespace",
                Integer.class);
        return n != null && n > 0;
    }

    /** The hourly partitions that exist, by name. */
    Set<String> partitions() {
        List<String> names = jdbc.queryForList(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'socket_events'"
                        + " AND p.relnamespace = current_schema()::regnamespace AND c.relname LIKE 'socket_events_p%'",
                String.class);
        return new HashSet<>(names);
    }

    /** Creates the partitions from this hour to {@code ahead} hours on; returns how many were created. */
    int createAhead(Instant now, int ahead) {
        Set<String> existing = partitions();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        int created = 0;
        for (int h = 0; h <= ahead; h++) {
            Instant from = hour.plus(Duration.ofHours(h));
            String name = name(from);
            if (existing.contains(name)) {
                continue;
            }
            try {
                jdbc.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF socket_events FOR VALUES FROM ('"
                        + from + "') TO ('" + from.plus(Duration.ofHours(1)) + "')");
                created++;
            } catch (RuntimeException e) {
                // Rows of that hour already in the default partition (the maintainer was late): they stay there and
                // are still found; the next hours get their partitions.
                log.warn("Could not create socket-event partition {}: {}", name, e.getMessage());
            }
        }
        return created;
    }

    /** Drops the partitions whose whole hour ended before {@code cutoff}; returns how many rows they held. */
    long dropBefore(Instant cutoff) {
        long rows = 0;
        for (String name : partitions()) {
            Instant from = start(name);
            if (from == null || from.plus(Duration.ofHours(1)).isAfter(cutoff)) {
                continue;
            }
            Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + name, Long.class);
            jdbc.execute("DROP TABLE IF EXISTS " + name);
            rows += n == null ? 0 : n;
        }
        return rows
                + jdbc.update(
                        "DELETE FROM socket_events_default WHERE received_at < ?", cutoff.atOffset(ZoneOffset.UTC));
    }

    static String name(Instant hour) {
        return PREFIX + HOUR.format(hour);
    }

    static @org.jspecify.annotations.Nullable Instant start(String name) {
        if (!name.startsWith(PREFIX) || name.length() != PREFIX.length() + 10) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(
                            name.substring(PREFIX.length()), DateTimeFormatter.ofPattern("yyyyMMddHH"))
                    .toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
