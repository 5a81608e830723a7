package io.zeekagent.hub.result;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and purges of the {@code results} table (inserts are {@link ResultWriter}'s). */
@Repository
class ResultStore {

    private static final TypeReference<Map<String, @Nullable Object>> ROW = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ResultStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long count(String subscriptionId, @Nullable String hostId, @Nullable Instant since) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM results" + where(subscriptionId, hostId, since, args),
                Long.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    List<ResultRowResponse> page(
            String subscriptionId, @Nullable String hostId, @Nullable Instant since, long offset, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT id, subscription_id, host_id, update_type, received_at, row_json FROM results"
                + where(subscriptionId, hostId, since, args) + " ORDER BY id DESC LIMIT ? OFFSET ?";
        args.add(limit);
        args.add(offset);
        return jdbc.query(
                sql,
                (rs, i) -> new ResultRowResponse(
                        rs.getLong("id"),
                        rs.getString("subscription_id"),
                        rs.getString("host_id"),
                        RowUpdate.valueOf(rs.getString("update_type")),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                        json.readValue(rs.getString("row_json"), ROW)),
                args.toArray());
    }

    int deleteOlderThan(Instant cutoff) {
        return jdbc.update("DELETE FROM results WHERE received_at < ?", utc(cutoff));
    }

    private static String where(
            String subscriptionId, @Nullable String hostId, @Nullable Instant since, List<Object> args) {
        StringBuilder sb = new StringBuilder(" WHERE subscription_id = ?");
        args.add(subscriptionId);
        if (hostId != null) {
            sb.append(" AND host_id = ?");
            args.add(hostId);
        }
        if (since != null) {
            sb.append(" AND received_at >= ?");
            args.add(utc(since));
        }
        return sb.toString();
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
