package io.zeekagent.hub.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link ClusterPeers} from the lease table: the live replicas' {@code api_url}s, re-read at most once per
 * {@code refreshMillis} (and at once when an unknown replica is asked for, rate-limited the same way). While the
 * database cannot be read the last addresses read are kept (a replica's address outlives a database outage; a dead
 * one fails its call and is answered as unreachable) and the table is tried again only every {@link #RETRY_MILLIS},
 * so that attribution across replicas goes on from memory instead of waiting for the pool at every request.
 */
final class JdbcClusterPeers implements ClusterPeers {

    private final JdbcTemplate jdbc;
    private final String self;
    private final long refreshMillis;
    private volatile Map<String, String> urls = Map.of();
    private volatile long readAt;
    private volatile long retryAt;

    static final long RETRY_MILLIS = 10_000;

    JdbcClusterPeers(JdbcTemplate jdbc, String self, long refreshMillis) {
        this.jdbc = jdbc;
        this.self = self;
        this.refreshMillis = refreshMillis;
    }

    @Override
    public String self() {
        return self;
    }

    @Override
    public Optional<String> apiUrl(String replicaId) {
        long now = System.currentTimeMillis();
        String url = urls.get(replicaId);
        if (now - readAt >= refreshMillis || (url == null && now - readAt >= Math.min(refreshMillis, 250))) {
            url = refresh(now).get(replicaId);
        }
        return Optional.ofNullable(url);
    }

    private synchronized Map<String, String> refresh(long now) {
        if (now - readAt < 100 || now < retryAt) {
            return urls;
        }
        Map<String, String> fresh = new HashMap<>();
        try {
            jdbc.query(
                    "select replica_id, coalesce(api_url, rest_url) from hub_replicas where lease_until >= now()",
                    rs -> {
                        String u = rs.getString(2);
                        fresh.put(rs.getString(1), u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
                    });
        } catch (DataAccessException unreadable) {
            retryAt = now + RETRY_MILLIS;
            return urls;
        }
        urls = Map.copyOf(fresh);
        readAt = now;
        return urls;
    }
}
