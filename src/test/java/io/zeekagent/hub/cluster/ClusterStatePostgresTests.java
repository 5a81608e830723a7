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
 * Tests for {@link JdbcHostOwnership}, {@link ReplicaLeases} and {@link AdvisoryLockLeadership}: two replicas on one
 * fresh PostgreSQL schema (the V19 migration), without a Spring context.
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
