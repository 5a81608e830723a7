package io.zeekagent.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.support.PostgresTestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Tests for {@link JdbcIndexPartitions} on PostgreSQL (V20): two replicas' views of {@code index_partitions}. */
@Tag("postgres")
@ExtendWith(PostgresTestDatabase.class)
class IndexPartitionsPostgresTests {

    private String schema = "";
    private JdbcTemplate jdbc = new JdbcTemplate();
    private final KafkaStreamProperties properties = new KafkaStreamProperties(
            "events",
            12,
            (short) 1,
            Duration.ofHours(24),
            true,
            100,
            Duration.ofSeconds(1),
            "store",
            2,
            "index",
            null,
            Duration.ZERO,
            Map.of());
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T06:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void freshSchema() {
        schema = PostgresTestDatabase.createSchema();
        String url = "jdbc:postgresql://" + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT + "/"
                + PostgresTestDatabase.DATABASE + "?currentSchema=" + schema;
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, PostgresTestDatabase.USER, "");
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void dropSchema() {
        PostgresTestDatabase.dropSchema(schema);
    }

    @Test
    void assignmentReplayAndRevocationAreVisibleToTheOtherReplica() {
        JdbcIndexPartitions a = new JdbcIndexPartitions(jdbc, "a", properties, clock);
        JdbcIndexPartitions b = new JdbcIndexPartitions(jdbc, "b", properties, clock);
        String host = "host-1";
        int p = a.partitionOf(host);
        assertThat(p).isEqualTo(KeyPartitioner.partition(host, 12));

        a.assigned(List.of(p));
        assertThat(a.ownsReady(host)).isFalse();
        assertThat(a.replaying(host)).isTrue();
        assertThat(a.anyReplaying()).isTrue();
        assertThat(b.ownerOf(host)).contains("a");
        assertThat(ready(p)).isFalse();

        a.ready(p);
        assertThat(a.ownsReady(host)).isTrue();
        assertThat(a.replaying(host)).isFalse();
        assertThat(ready(p)).isTrue();

        // B is given the partition before A's revocation is seen: B's row wins, A's delete leaves it alone.
        b.assigned(List.of(p));
        a.revoked(List.of(p));
        assertThat(a.ownsReady(host)).isFalse();
        assertThat(a.ownerOf(host)).contains("b");
        assertThat(b.ownerOf(host)).contains("b");
        assertThat(ready(p)).isFalse();

        b.revoked(List.of(p));
        assertThat(a.ownerOf(host)).isEmpty();
    }

    private boolean ready(int partition) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select ready from index_partitions where topic = 'events' and partition = ?",
                Boolean.class,
                partition));
    }
}
