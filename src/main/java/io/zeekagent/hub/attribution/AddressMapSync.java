package io.zeekagent.hub.attribution;

import io.zeekagent.hub.host.HostAddresses;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps this replica's address → host map current with hosts whose agents are connected to other replicas
 * ({@code hub.cluster.engine=kafka}): every {@code hub.cluster.address-refresh} it reads the hosts named in
 * {@code host_address_changes} (filled by triggers, Flyway V21) by transactions not older than the oldest one that
 * was running at its previous read, and re-reads their addresses and hostname. A cheap indexed read when nothing
 * changed; the first read, and one after a long database outage, reloads every host.
 */
final class AddressMapSync {

    private static final Logger log = LoggerFactory.getLogger(AddressMapSync.class);
    private static final String HOSTS = "select h.host_id, h.hostname, a.address from hosts h left join"
            + " (select host_id, address from host_announced_addresses"
            + " union select host_id, address from host_assigned_addresses) a on a.host_id = h.host_id";

    private final JdbcTemplate jdbc;
    private final AttributionService service;
    private @Nullable String cursor;
    private long lastSuccess = System.currentTimeMillis();
    private int polls;

    AddressMapSync(JdbcTemplate jdbc, AttributionService service) {
        this.jdbc = jdbc;
        this.service = service;
    }

    @Scheduled(
            fixedDelayString = "${hub.cluster.address-refresh:1s}",
            initialDelayString = "${hub.cluster.address-refresh:1s}")
    synchronized void refresh() {
        if (!service.isReady()) {
            return;
        }
        try {
            // The oldest transaction still running now: every change of an older one is visible to the reads below.
            String xmin = jdbc.queryForObject("select pg_snapshot_xmin(pg_current_snapshot())::text", String.class);
            if (cursor == null || System.currentTimeMillis() - lastSuccess > 300_000) {
                int n = apply(jdbc.query(HOSTS, this::rows), null);
                log.info("Address map loaded from the database: {} hosts", n);
            } else {
                List<String> changed = jdbc.queryForList(
                        "select distinct host_id from host_address_changes where tx >= ?::xid8", String.class, cursor);
                for (int from = 0; from < changed.size(); from += 1000) {
                    List<String> ids = changed.subList(from, Math.min(changed.size(), from + 1000));
                    Map<String, HostAddresses> found = jdbc.query(
                            HOSTS + " where h.host_id = any(?)",
                            ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", ids.toArray())),
                            this::rows);
                    apply(found, ids);
                }
            }
            cursor = xmin;
            lastSuccess = System.currentTimeMillis();
            if (++polls % 600 == 0) {
                jdbc.update("delete from host_address_changes where changed_at < now() - interval '10 minutes'");
            }
        } catch (RuntimeException e) {
            log.warn("Refreshing the address map from the database failed: {}", e.toString());
        }
    }

    private int apply(@Nullable Map<String, HostAddresses> found, @Nullable List<String> asked) {
        Map<String, HostAddresses> hosts = found == null ? Map.of() : found;
        hosts.values().forEach(service::putHost);
        if (asked != null) {
            for (String id : asked) {
                if (!hosts.containsKey(id)) {
                    service.removeHost(id);
                }
            }
        }
        return hosts.size();
    }

    private Map<String, HostAddresses> rows(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Set<String>> addresses = new LinkedHashMap<>();
        while (rs.next()) {
            String id = rs.getString(1);
            names.put(id, rs.getString(2));
            Set<String> set = addresses.computeIfAbsent(id, k -> new HashSet<>());
            String address = rs.getString(3);
            if (address != null) {
                set.add(address);
            }
        }
        Map<String, HostAddresses> out = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> e : addresses.entrySet()) {
            out.put(e.getKey(), new HostAddresses(e.getKey(), names.get(e.getKey()), e.getValue()));
        }
        return out;
    }
}
