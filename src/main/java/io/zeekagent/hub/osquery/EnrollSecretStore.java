package io.zeekagent.hub.osquery;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code osquery_enroll_secrets} table (JDBC). */
@Repository
class EnrollSecretStore {

    private final JdbcTemplate jdbc;

    EnrollSecretStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<EnrollSecret> all() {
        return jdbc.query(
                "SELECT id, name, secret_hash, group_names, created_at FROM osquery_enroll_secrets"
                        + " ORDER BY created_at, id",
                (rs, i) -> {
                    String groups = rs.getString("group_names");
                    Set<String> set = groups.isEmpty()
                            ? Set.of()
                            : Arrays.stream(groups.split(",")).collect(Collectors.toSet());
                    return new EnrollSecret(
                            rs.getString("id"),
                            rs.getString("name"),
                            rs.getString("secret_hash"),
                            set,
                            rs.getObject("created_at", OffsetDateTime.class).toInstant());
                });
    }

    @Transactional
    void insert(EnrollSecret s) {
        jdbc.update(
                "INSERT INTO osquery_enroll_secrets (id, name, secret_hash, group_names, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                s.id(),
                s.name(),
                s.secretHash(),
                String.join(",", new TreeSet<>(s.groups())),
                OffsetDateTime.ofInstant(s.createdAt(), ZoneOffset.UTC));
    }

    @Transactional
    boolean delete(String id) {
        return jdbc.update("DELETE FROM osquery_enroll_secrets WHERE id = ?", id) > 0;
    }
}
