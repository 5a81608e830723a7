package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.attribution.ColdKey;
import io.zeekagent.hub.attribution.ColdQuery;
import io.zeekagent.hub.attribution.Seuid;
import io.zeekagent.hub.attribution.SocketEventEntry;
import io.zeekagent.hub.support.PostgresTest;
import io.zeekagent.hub.support.PostgresTestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tests for the partitioned {@code socket_events} of Flyway V10 on the real PostgreSQL: hourly partitions created
 * ahead and dropped past retention ({@link SocketEventPartitions}), safe to repeat after a pass interrupted midway,
 * and the cold store's key probe ({@link SocketEventColdStore}) against the generated key column.
 */
@JdbcTest
@PostgresTest
@Import({SocketEventStore.class, SocketEventColdStore.class})
@org.springframework.boot.context.properties.EnableConfigurationProperties(
        io.zeekagent.hub.attribution.ColdTierProperties.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class SocketEventPartitionsPostgresTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    SocketEventStore store;

    @Autowired
    SocketEventColdStore cold;

    @Autowired
    JdbcTemplate jdbc;

    SocketEventPartitions partitions() {
        return new SocketEventPartitions(jdbc);
    }

    @Test
    void convertsTheTableToHourlyPartitionsWithTheKeyColumn() {
        assertThat(partitions().partitioned()).isTrue();
        assertThat(partitions().partitions())
                .contains(SocketEventPartitions.name(Instant.now().truncatedTo(ChronoUnit.HOURS)));
    }

    @Test
    void createsPartitionsAheadAndDropsExpiredOnesAlsoAfterAnInterruptedPass() {
        Instant base = Instant.parse("2030-01-01T00:00:00Z");
        SocketEventPartitions p = partitions();
        assertThat(p.createAhead(base, 3)).isEqualTo(4);
        // A restart in the middle of a pass: some of the hours exist, the rest are created, nothing fails.
        jdbc.execute("DROP TABLE " + SocketEventPartitions.name(base.plus(Duration.ofHours(2))));
        assertThat(p.createAhead(base, 3)).isEqualTo(1);
        assertThat(p.createAhead(base, 3)).isZero();
        store.insert(List.of(event("h1", 0, 443, base.plusSeconds(10)), event("h1", 0, 443, base.plusSeconds(3700))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + SocketEventPartitions.name(base), Long.class))
                .isOne();

        long dropped = p.dropBefore(base.plus(Duration.ofMinutes(90)));

        assertThat(p.partitions())
                .doesNotContain(SocketEventPartitions.name(base))
                .contains(SocketEventPartitions.name(base.plus(Duration.ofHours(1))));
        assertThat(dropped).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM socket_events WHERE received_at >= ?",
                        Long.class,
                        base.atOffset(java.time.ZoneOffset.UTC)))
                .isOne();
        assertThat(p.dropBefore(base.plus(Duration.ofMinutes(90)))).isZero();
    }

    @Test
    void findsEventsByKeyWithTheSameKeyAsJava() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        store.insert(List.of(
                event("host-a", 0, 443, now),
                event("host-a", 8443, 0, now.minus(Duration.ofHours(2))),
                event("host-b", 0, 443, now)));
        List<SocketEventEntry> rows = cold.find(new ColdQuery(
                new long[] {ColdKey.of("host-a", 0, 443)},
                new long[] {ColdKey.of("host-a", 8443, 0)},
                now.minus(Duration.ofHours(3)),
                now,
                now.minusSeconds(30),
                now.plusSeconds(30),
                Duration.ofSeconds(2)));
        assertThat(rows).extracting(SocketEventEntry::hostId).containsExactlyInAnyOrder("host-a", "host-a");
        Long k = jdbc.queryForObject(
                "SELECT k FROM socket_events WHERE host_id = 'host-b' AND remote_port = 443", Long.class);
        assertThat(k).isEqualTo(ColdKey.of("host-b", 0, 443));
    }

    static StoredSocketEvent event(String host, int localPort, int remotePort, Instant received) {
        return new StoredSocketEvent(
                Seuid.next(),
                new SocketEventInput(
                        host,
                        remotePort == 0 ? "bind" : "connect",
                        1L,
                        null,
                        "/bin/x",
                        0L,
                        true,
                        2,
                        "tcp",
                        null,
                        localPort == 0 ? null : localPort,
                        remotePort == 0 ? null : "10.0.0.2",
                        remotePort == 0 ? null : remotePort,
                        received),
                received);
    }
}
