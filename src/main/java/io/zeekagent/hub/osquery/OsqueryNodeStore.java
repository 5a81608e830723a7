package io.zeekagent.hub.osquery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code osquery_nodes} table (JDBC): one row per enrolled host, found by host or by key hash. */
@Repository
class OsqueryNodeStore {

    private static final String COLUMNS = "host_id, node_key_hash, instance_id, hostname, osquery_version,"
            + " platform_type, group_names, enrolled_at, enrollments";

    private final JdbcTemplate jdbc;

    OsqueryNodeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Optional<OsqueryNode> byKeyHash(String keyHash) {
        return one("SELECT " + COLUMNS + " FROM osquery_nodes WHERE node_key_hash = ?", keyHash);
    }

    @Transactional(readOnly = true)
    Optional<OsqueryNode> byHost(String hostId) {
        return one("SELECT " + COLUMNS + " FROM osquery_nodes WHERE host_id = ?", hostId);
    }

    @Transactional(readOnly = true)
    List<OsqueryNode> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM osquery_nodes", (rs, i) -> node(rs));
    }

    /** Inserts or replaces the host's row (its old key hash goes with it). */
    @Transactional
    void save(OsqueryNode n) {
        Object[] args = {
            n.keyHash(),
            n.instanceId(),
            n.hostname(),
            n.osqueryVersion(),
            n.platformType(),
            String.join(",", new TreeSet<>(n.groups())),
            OffsetDateTime.ofInstant(n.enrolledAt(), ZoneOffset.UTC),
            n.enrollments(),
            n.hostId()
        };
        int updated = jdbc.update(
                "UPDATE osquery_nodes SET node_key_hash = ?, instance_id = ?, hostname = ?, osquery_version = ?,"
                        + " platform_type = ?, group_names = ?, enrolled_at = ?, enrollments = ? WHERE host_id = ?",
                args);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO osquery_nodes (node_key_hash, instance_id, hostname, osquery_version, platform_type,"
                            + " group_names, enrolled_at, enrollments, host_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    args);
        }
    }

    private Optional<OsqueryNode> one(String sql, String arg) {
        return jdbc.query(sql, (rs, i) -> node(rs), arg).stream().findFirst();
    }

    private static OsqueryNode node(ResultSet rs) throws SQLException {
        String groups = rs.getString("group_names");
        return new OsqueryNode(
                rs.getString("host_id"),
                rs.getString("node_key_hash"),
                rs.getString("instance_id"),
                rs.getString("hostname"),
                rs.getString("osquery_version"),
                rs.getString("platform_type"),
                groups.isEmpty()
                        ? java.util.Set.of()
                        : Arrays.stream(groups.split(",")).collect(Collectors.toSet()),
                rs.getObject("enrolled_at", OffsetDateTime.class).toInstant(),
                rs.getLong("enrollments"));
    }
}
