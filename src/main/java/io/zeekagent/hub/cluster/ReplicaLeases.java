package io.zeekagent.hub.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code hub_replicas} lease table: this replica's lease renewal, the list of live replicas, and the leader's
 * release of the hosts of expired ones. Times are the database's, so replicas' clocks need not agree.
 */
final class ReplicaLeases {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final String replicaId;
    private final Duration lease;

    ReplicaLeases(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            String replicaId,
            Duration lease) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.replicaId = replicaId;
        this.lease = lease;
    }

    /**
     * Creates or extends this replica's lease to now + lease, recording the URL peers reach it at (its REST API and,
     * in {@code api_url}, its internal API for cross-replica attribution; the same base URL today).
     */
    void renew(String restUrl) {
        jdbc.update(
                "insert into hub_replicas (replica_id, rest_url, api_url, started_at, lease_until)"
                        + " values (?, ?, ?, now(), now() + ? * interval '1 millisecond')"
                        + " on conflict (replica_id) do update set rest_url = excluded.rest_url,"
                        + " api_url = excluded.api_url, lease_until = excluded.lease_until",
                replicaId,
                restUrl,
                restUrl,
                lease.toMillis());
    }

    /** How long a replica counts as alive after its last renewal. */
    Duration lease() {
        return lease;
    }

    /** Ends this replica's lease now (clean shutdown): the leader releases its hosts at its next sweep. */
    void resign() {
        jdbc.update("update hub_replicas set lease_until = now() where replica_id = ?", replicaId);
    }

    /** The replicas whose lease has not expired. */
    List<Replica> live() {
        return jdbc.query(
                "select replica_id, rest_url, lease_until from hub_replicas where lease_until >= now()"
                        + " order by replica_id",
                (rs, i) -> new Replica(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
    }

    /**
     * Leader only: releases every host whose owner is not a live replica, publishes {@link HostsOrphaned} in the
     * same transaction (the host feature marks them OFFLINE), and forgets the expired replicas.
     *
     * @return the event published, or null when nothing was orphaned
     */
    HostsOrphaned releaseExpired() {
        return transactions.execute(status -> {
            Set<String> expired = new HashSet<>(
                    jdbc.queryForList("select replica_id from hub_replicas where lease_until < now()", String.class));
            Set<String> hosts = new HashSet<>(jdbc.queryForList(
                    "update host_owners set owner_replica = null, owner_epoch = owner_epoch + 1, claimed_at = now()"
                            + " where owner_replica is not null and owner_replica not in"
                            + " (select replica_id from hub_replicas where lease_until >= now())"
                            + " returning host_id",
                    String.class));
            jdbc.update("delete from hub_replicas where lease_until < now()");
            HostsOrphaned orphaned = new HostsOrphaned(hosts, expired);
            if (!hosts.isEmpty()) {
                events.publishEvent(orphaned);
            }
            return orphaned;
        });
    }

    /** A row of {@code hub_replicas}. */
    record Replica(String replicaId, String restUrl, Instant leaseUntil) {}
}
