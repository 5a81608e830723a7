package io.zeekagent.hub.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The one-shot query tables: queries, per-host state, answered rows (JDBC; rows arrive in batches). */
@Repository
class OneShotQueryStore {

    private static final TypeReference<Map<String, @Nullable Object>> ROW = new TypeReference<>() {};
    private static final TypeReference<List<String>> COLUMNS = new TypeReference<>() {};
    static final int MAX_ROWS = 10_000;
    static final int MAX_ERROR = 1024;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    OneShotQueryStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored query's header. */
    record Header(
            String id,
            String query,
            List<String> columns,
            Instant createdAt,
            @Nullable String owner) {}

    /** A target left for its owner replica to send to. */
    record Unsent(String queryId, String hostId, String query) {}

    /** A row waiting to be written. */
    record PendingRow(String queryId, String hostId, Instant receivedAt, String json) {}

    @Transactional
    void create(Header q, List<HostAnswer> hosts) {
        jdbc.update(
                "INSERT INTO one_shot_queries (id, query_text, columns_json, created_at, owner) VALUES (?, ?, ?, ?, ?)",
                q.id(),
                q.query(),
                json.writeValueAsString(q.columns()),
                utc(q.createdAt()),
                q.owner());
        jdbc.batchUpdate(
                "INSERT INTO one_shot_query_hosts (query_id, host_id, state, sent_at) VALUES (?, ?, ?, ?)",
                hosts,
                500,
                (ps, h) -> {
                    ps.setString(1, q.id());
                    ps.setString(2, h.hostId());
                    ps.setString(3, h.state());
                    ps.setObject(4, h.sentAt() == null ? null : utc(h.sentAt()));
                });
    }

    @Transactional
    void addRows(List<PendingRow> rows) {
        jdbc.batchUpdate(
                "INSERT INTO one_shot_query_rows (query_id, host_id, received_at, row_json) VALUES (?, ?, ?, ?)",
                rows,
                500,
                (ps, r) -> {
                    ps.setString(1, r.queryId());
                    ps.setString(2, r.hostId());
                    ps.setObject(3, utc(r.receivedAt()));
                    ps.setString(4, r.json());
                });
        for (PendingRow r : rows) {
            jdbc.update(
                    "UPDATE one_shot_query_hosts SET state = 'ANSWERED', answered_at = ?"
                            + " WHERE query_id = ? AND host_id = ? AND answered_at IS NULL",
                    utc(r.receivedAt()),
                    r.queryId(),
                    r.hostId());
        }
    }

    /**
     * Marks a pending target ANSWERED without rows (an agent that says it ran the query and found nothing).
     *
     * @return whether the target was still pending
     */
    @Transactional
    boolean answeredEmpty(String queryId, String hostId, Instant at) {
        return jdbc.update(
                        "UPDATE one_shot_query_hosts SET state = 'ANSWERED', answered_at = ?"
                                + " WHERE query_id = ? AND host_id = ? AND state = 'PENDING'",
                        utc(at),
                        queryId,
                        hostId)
                > 0;
    }

    /**
     * Marks a target FAILED with the agent's message, unless it answered or failed already.
     *
     * @return whether the target was still pending
     */
    @Transactional
    boolean fail(String queryId, String hostId, String error, Instant at) {
        return jdbc.update(
                        "UPDATE one_shot_query_hosts SET state = 'FAILED', error = ?, answered_at = ?"
                                + " WHERE query_id = ? AND host_id = ? AND state = 'PENDING'",
                        error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR),
                        utc(at),
                        queryId,
                        hostId)
                > 0;
    }

    @Transactional(readOnly = true)
    Optional<Header> header(String id) {
        return jdbc
                .query(
                        "SELECT id, query_text, columns_json, created_at, owner FROM one_shot_queries WHERE id = ?",
                        (rs, i) -> new Header(
                                rs.getString("id"),
                                rs.getString("query_text"),
                                json.readValue(rs.getString("columns_json"), COLUMNS),
                                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                                rs.getString("owner")),
                        id)
                .stream()
                .findFirst();
    }

    @Transactional(readOnly = true)
    List<HostAnswer> answers(String id) {
        Map<String, List<Map<String, @Nullable Object>>> rows = new LinkedHashMap<>();
        jdbc.query(
                "SELECT host_id, row_json FROM one_shot_query_rows WHERE query_id = ? ORDER BY id LIMIT " + MAX_ROWS,
                rs -> {
                    rows.computeIfAbsent(rs.getString("host_id"), h -> new ArrayList<>())
                            .add(json.readValue(rs.getString("row_json"), ROW));
                },
                id);
        return jdbc.query(
                "SELECT host_id, state, sent_at, answered_at, error FROM one_shot_query_hosts WHERE query_id = ?"
                        + " ORDER BY host_id",
                (rs, i) -> new HostAnswer(
                        rs.getString("host_id"),
                        rs.getString("state"),
                        instant(rs.getObject("sent_at", OffsetDateTime.class)),
                        instant(rs.getObject("answered_at", OffsetDateTime.class)),
                        rows.getOrDefault(rs.getString("host_id"), List.of()),
                        rs.getString("error")),
                id);
    }

    /**
     * Targets created on a replica that does not own them: PENDING and never sent, in queries created since
     * {@code since}.
     */
    @Transactional(readOnly = true)
    List<Unsent> unsent(Instant since) {
        return jdbc.query(
                "SELECT h.query_id, h.host_id, q.query_text FROM one_shot_query_hosts h"
                        + " JOIN one_shot_queries q ON q.id = h.query_id"
                        + " WHERE h.state = 'PENDING' AND h.sent_at IS NULL AND q.created_at >= ?",
                (rs, i) -> new Unsent(rs.getString(1), rs.getString(2), rs.getString(3)),
                utc(since));
    }

    /**
     * Takes the sending of a target for this replica.
     *
     * @return whether it was still unsent (only then may it be sent: exactly once across replicas)
     */
    @Transactional
    boolean markSent(String queryId, String hostId, Instant at) {
        return jdbc.update(
                        "UPDATE one_shot_query_hosts SET sent_at = ? WHERE query_id = ? AND host_id = ?"
                                + " AND sent_at IS NULL AND state = 'PENDING'",
                        utc(at),
                        queryId,
                        hostId)
                == 1;
    }

    /** The targets of a query that are no longer PENDING (answered or failed, on whichever replica). */
    @Transactional(readOnly = true)
    List<String> settled(String queryId) {
        return jdbc.queryForList(
                "SELECT host_id FROM one_shot_query_hosts WHERE query_id = ? AND state <> 'PENDING'",
                String.class,
                queryId);
    }

    @Transactional
    int deleteOlderThan(Instant cutoff) {
        OffsetDateTime c = utc(cutoff);
        String old = "SELECT id FROM one_shot_queries WHERE created_at < ?";
        jdbc.update("DELETE FROM one_shot_query_rows WHERE query_id IN (" + old + ")", c);
        jdbc.update("DELETE FROM one_shot_query_hosts WHERE query_id IN (" + old + ")", c);
        return jdbc.update("DELETE FROM one_shot_queries WHERE created_at < ?", c);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
