package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.attribution.Seuid;
import io.zeekagent.hub.support.PostgresTest;
import io.zeekagent.hub.support.PostgresTestDatabase;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tests for {@link SocketEventStore#insertIdempotent} on the real PostgreSQL: the store consumer group's at-least-once
 * delivery (a batch redelivered after a crash or rebalance, partly or wholly stored before) stores each event once.
 * Not in a test transaction: the COPY that hits a stored seuid aborts its own transaction, as in production.
 */
@JdbcTest
@PostgresTest
@Import(SocketEventStore.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class SocketEventRedeliveryPostgresTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    SocketEventStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    static StoredSocketEvent event(String host, Instant received) {
        return new StoredSocketEvent(
                Seuid.next(),
                new SocketEventInput(
                        host,
                        "connect",
                        1L,
                        3L,
                        "/bin/x",
                        0L,
                        true,
                        2,
                        "tcp",
                        "10.0.0.1",
                        40000,
                        "10.0.0.2",
                        443,
                        received),
                received);
    }

    @Test
    void aRedeliveredBatchStoresOnlyTheEventsNotStoredBefore() {
        String host = "redelivery-" + System.nanoTime();
        Instant received = Instant.now().truncatedTo(ChronoUnit.MICROS);
        StoredSocketEvent first = event(host, received);
        StoredSocketEvent second = event(host, received);
        StoredSocketEvent third = event(host, received);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        try {
            assertThat(store.insertIdempotent(List.of(first, second), tx)).isEqualTo(2);
            // Redelivered with one new event: the COPY fails on a stored seuid, the fallback skips the stored two.
            store.insertIdempotent(List.of(first, second, third), tx);
            store.insertIdempotent(List.of(first, second, third), tx);

            assertThat(jdbc.queryForObject("select count(*) from socket_events where host_id = ?", Long.class, host))
                    .isEqualTo(3);
            assertThat(jdbc.queryForObject(
                            "select count(distinct seuid) from socket_events where host_id = ?", Long.class, host))
                    .isEqualTo(3);
        } finally {
            jdbc.update("delete from socket_events where host_id = ?", host);
        }
    }
}
