package io.zeekagent.hub.webhook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code webhook} table (V13) through plain JDBC; sets are stored as comma-separated text. */
@Repository
class WebhookStore {

    private static final RowMapper<Webhook> ROW = (rs, n) -> new Webhook(
            rs.getString("id"),
            rs.getString("url"),
            rs.getString("secret"),
            split(rs.getString("events")).stream()
                    .map(WebhookEventType::valueOf)
                    .collect(Collectors.toSet()),
            split(rs.getString("watch_addresses")),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private final JdbcTemplate jdbc;

    WebhookStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Webhook w) {
        jdbc.update(
                "INSERT INTO webhook (id, url, secret, events, watch_addresses, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                w.id(),
                w.url(),
                w.secret(),
                w.events().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                String.join(",", w.watchAddresses().stream().sorted().toList()),
                w.createdAt().atOffset(ZoneOffset.UTC));
    }

    List<Webhook> findAll() {
        return jdbc.query("SELECT * FROM webhook ORDER BY created_at, id", ROW);
    }

    boolean delete(String id) {
        return jdbc.update("DELETE FROM webhook WHERE id = ?", id) > 0;
    }

    private static Set<String> split(String text) {
        return text == null || text.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(text.split(",")));
    }
}
