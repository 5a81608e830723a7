package io.zeekagent.hub.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Host ownership in the {@code host_owners} table, shared by all replicas. A claim reads the row's (owner, epoch)
 * and updates it only if the epoch is still the one read, so of two replicas claiming at once exactly one wins.
 */
final class JdbcHostOwnership implements HostOwnership {

    private static final Logger log = LoggerFactory.getLogger(JdbcHostOwnership.class);

    private final JdbcTemplate jdbc;
    private final String replicaId;
    private final Counter claims;
    private final Counter lostClaims;
    private final Counter reclaims;

    JdbcHostOwnership(JdbcTemplate jdbc, String replicaId, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.replicaId = replicaId;
        this.claims = meters.counter("hub.cluster.host.claims", "result", "won");
        this.lostClaims = meters.counter("hub.cluster.host.claims", "result", "lost");
        this.reclaims = meters.counter("hub.cluster.host.claims", "result", "reclaimed");
    }

    @Override
    public boolean claim(String hostId) {
        for (int attempt = 0; attempt < 2; attempt++) {
            List<Owner> rows = jdbc.query(
                    "select owner_replica, owner_epoch from host_owners where host_id = ?",
                    (rs, i) -> new Owner(rs.getString(1), rs.getLong(2)),
                    hostId);
            if (rows.isEmpty()) {
                int inserted = jdbc.update(
                        "insert into host_owners (host_id, owner_replica, owner_epoch, claimed_at)"
                                + " values (?, ?, 1, now()) on conflict (host_id) do nothing",
                        hostId,
                        replicaId);
                if (inserted == 1) {
                    claims.increment();
                    return true;
                }
                continue; // someone inserted it meanwhile: compare-and-set against their row
            }
            Owner current = rows.get(0);
            if (replicaId.equals(current.replica())) {
                return true;
            }
            int updated = jdbc.update(
                    "update host_owners set owner_replica = ?, owner_epoch = owner_epoch + 1, claimed_at = now()"
                            + " where host_id = ? and owner_epoch = ?",
                    replicaId,
                    hostId,
                    current.epoch());
            if (updated == 1) {
                claims.increment();
                if (current.replica() != null) {
                    log.info("Host {} moved from replica {} to {}", hostId, current.replica(), replicaId);
                }
                return true;
            }
            break;
        }
        lostClaims.increment();
        log.warn("Host {}: another replica claimed it at the same time; this replica does not own it", hostId);
        return false;
    }

    /** One statement: insert the row, or take it over only while it has no owner; the epoch stays as it was. */
    @Override
    public boolean reclaim(String hostId) {
        int taken = jdbc.update(
                "insert into host_owners (host_id, owner_replica, owner_epoch, claimed_at) values (?, ?, 1, now())"
                        + " on conflict (host_id) do update set owner_replica = excluded.owner_replica,"
                        + " claimed_at = excluded.claimed_at where host_owners.owner_replica is null",
                hostId,
                replicaId);
        if (taken == 1) {
            reclaims.increment();
            log.info(
                    "Host {} had no owner and its agent is connected here: replica {} claimed it again",
                    hostId,
                    replicaId);
            return true;
        }
        return replicaId.equals(ownerOf(hostId));
    }

    @Override
    public boolean release(String hostId) {
        return jdbc.update(
                        "update host_owners set owner_replica = null, owner_epoch = owner_epoch + 1, claimed_at = now()"
                                + " where host_id = ? and owner_replica = ?",
                        hostId,
                        replicaId)
                == 1;
    }

    @Override
    public Set<String> ownedAmong(Collection<String> hostIds) {
        if (hostIds.isEmpty()) {
            return Set.of();
        }
        Set<String> owned = new HashSet<>(
                jdbc.queryForList("select host_id from host_owners where owner_replica = ?", String.class, replicaId));
        owned.retainAll(hostIds instanceof Set<?> ? hostIds : new HashSet<>(hostIds));
        return owned;
    }

    @Override
    public boolean isShared() {
        return true;
    }

    private @Nullable String ownerOf(String hostId) {
        List<String> owners = jdbc.query(
                "select owner_replica from host_owners where host_id = ?", (rs, i) -> rs.getString(1), hostId);
        return owners.isEmpty() ? null : owners.get(0);
    }

    /** How many hosts this replica owns. */
    int ownedCount() {
        Integer n = jdbc.queryForObject(
                "select count(*) from host_owners where owner_replica = ?", Integer.class, replicaId);
        return n == null ? 0 : n;
    }

    /** A row of {@code host_owners}. */
    private record Owner(@Nullable String replica, long epoch) {}
}
