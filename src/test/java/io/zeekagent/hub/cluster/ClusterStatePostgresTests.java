package io.zeekagent.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.support.PostgresTestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tests for {@link JdbcHostOwnership}, {@link ReplicaLeases} and {@link AdvisoryLockLeadership}: two or three
 * replicas on one fresh PostgreSQL schema (the V19 migration), without a Spring context.
 */
@Tag("postgres")
@ExtendWith(PostgresTestDatabase.class)
class ClusterStatePostgresTests {

    private String url = "";
    private JdbcTemplate jdbc = new JdbcTemplate();
    private TransactionTemplate transactions = new TransactionTemplate();
    private final List<Object> published = new ArrayList<>();

    @BeforeEach
    void freshSchema() {
        String schema = PostgresTestDatabase.createSchema();
        url = "jdbc:postgresql://" + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT + "/"
                + PostgresTestDatabase.DATABASE + "?currentSchema=" + schema;
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, PostgresTestDatabase.USER, "");
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void theLatestReplicaAnAgentAppearsOnOwnsTheHostAndTheEpochRises() {
        JdbcHostOwnership a = ownership("a");
        JdbcHostOwnership b = ownership("b");

        assertThat(a.claim("h1")).isTrue();
        assertThat(a.claim("h1")).isTrue();
        assertThat(epoch("h1")).isEqualTo(1);
        assertThat(b.claim("h1")).isTrue();

        assertThat(epoch("h1")).isEqualTo(2);
        assertThat(a.ownedAmong(List.of("h1"))).isEmpty();
        assertThat(b.ownedAmong(List.of("h1", "h2"))).containsExactly("h1");
    }

    @Test
    void onlyTheOwnerCanReleaseAHost() {
        JdbcHostOwnership a = ownership("a");
        JdbcHostOwnership b = ownership("b");
        a.claim("h1");
        b.claim("h1");

        assertThat(a.release("h1"))
                .as("a left after b took over: not a's to release")
                .isFalse();
        assertThat(b.ownedAmong(List.of("h1"))).containsExactly("h1");
        assertThat(b.release("h1")).isTrue();
        assertThat(b.ownedAmong(List.of("h1"))).isEmpty();
    }

    @Test
    void theLeaderReleasesTheHostsOfAnExpiredReplicaOnly() {
        ReplicaLeases live = leases("live", Duration.ofMinutes(1));
        ReplicaLeases dead = leases("dead", Duration.ofMillis(1));
        live.renew("http://live");
        dead.renew("http://dead");
        ownership("live").claim("h-live");
        ownership("dead").claim("h-dead");
        jdbc.update("update hub_replicas set lease_until = now() - interval '1 second' where replica_id = 'dead'");

        HostsOrphaned orphaned = live.releaseExpired();

        assertThat(orphaned.hostIds()).containsExactly("h-dead");
        assertThat(orphaned.replicaIds()).containsExactly("dead");
        assertThat(published).containsExactly(orphaned);
        assertThat(live.live()).extracting(ReplicaLeases.Replica::replicaId).containsExactly("live");
        assertThat(ownership("live").ownedAmong(List.of("h-live", "h-dead"))).containsExactly("h-live");
    }

    @Test
    void aReplicaReclaimsTheHostsTheLeaderReleasedButNeverOneAnotherLiveReplicaOwns() {
        ReplicaLeases a = leases("a", Duration.ofMinutes(1));
        ReplicaLeases leader = leases("leader", Duration.ofMinutes(1));
        leases("b", Duration.ofMinutes(1)).renew("http://b");
        a.renew("http://a");
        leader.renew("http://leader");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        JdbcHostOwnership ownedByA = new JdbcHostOwnership(jdbc, "a", meters);
        ownedByA.claim("h-kept");
        ownership("b").claim("h-theirs");
        jdbc.update("update hub_replicas set lease_until = now() - interval '1 second' where replica_id = 'a'");
        assertThat(leader.releaseExpired().hostIds()).containsExactly("h-kept");
        a.renew("http://a"); // a was only cut off from the database; its agents stayed

        assertThat(ownedByA.reclaim("h-kept")).isTrue();
        assertThat(ownedByA.reclaim("h-kept")).as("already a's").isTrue();
        assertThat(ownedByA.reclaim("h-theirs")).isFalse();
        assertThat(ownedByA.reclaim("h-never-claimed")).isTrue();

        assertThat(ownedByA.ownedAmong(List.of("h-kept", "h-theirs", "h-never-claimed")))
                .containsExactlyInAnyOrder("h-kept", "h-never-claimed");
        assertThat(ownership("b").ownedAmong(List.of("h-theirs"))).containsExactly("h-theirs");
        assertThat(meters.counter("hub.cluster.host.claims", "result", "reclaimed")
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aReclaimLeavesTheEpochSoThatAnAnnouncementElsewhereStillWins() {
        JdbcHostOwnership a = ownership("a");
        a.claim("h1");
        a.release("h1");
        long released = epoch("h1");

        assertThat(a.reclaim("h1")).isTrue();

        assertThat(epoch("h1")).isEqualTo(released);
        // b's claim read the ownerless row before a's re-claim: its compare-and-set on that epoch still succeeds
        assertThat(jdbc.update(
                        "update host_owners set owner_replica = 'b', owner_epoch = owner_epoch + 1"
                                + " where host_id = 'h1' and owner_epoch = ?",
                        released))
                .isEqualTo(1);
        assertThat(a.reclaim("h1")).isFalse();
        assertThat(ownership("b").ownedAmong(List.of("h1"))).containsExactly("h1");
    }

    @Test
    void exactlyOneReplicaLeadsAndAnotherTakesOverWhenItStops() {
        try (AdvisoryLockLeadership a = new AdvisoryLockLeadership(url, PostgresTestDatabase.USER, "");
                AdvisoryLockLeadership b = new AdvisoryLockLeadership(url, PostgresTestDatabase.USER, "")) {
            assertThat(a.refresh()).isTrue();
            assertThat(b.refresh()).isFalse();
            assertThat(a.refresh()).as("keeps the lock").isTrue();

            a.close();

            assertThat(b.refresh()).isTrue();
            assertThat(a.isLeader()).isFalse();
        }
    }

    private JdbcHostOwnership ownership(String replica) {
        return new JdbcHostOwnership(jdbc, replica, new SimpleMeterRegistry());
    }

    private ReplicaLeases leases(String replica, Duration lease) {
        return new ReplicaLeases(jdbc, transactions, published::add, replica, lease);
    }

    private long epoch(String hostId) {
        Long epoch = jdbc.queryForObject("select owner_epoch from host_owners where host_id = ?", Long.class, hostId);
        return epoch == null ? -1 : epoch;
    }
}
