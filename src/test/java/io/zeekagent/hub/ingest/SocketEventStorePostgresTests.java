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

/** Tests for {@link SocketEventStore}'s COPY path ({@link SocketEventCopy}) on the real PostgreSQL. */
@JdbcTest
@PostgresTest
@Import(SocketEventStore.class)
class SocketEventStorePostgresTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    SocketEventStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void copiesEventsInAndReadsThemBackFieldForField() {
        Instant received = Instant.now().truncatedTo(ChronoUnit.MICROS);
        StoredSocketEvent full = new StoredSocketEvent(
                Seuid.next(),
                new SocketEventInput(
                        "h1",
                        "connect",
                        42L,
                        3L,
                        "/opt/odd\tname\\x",
                        1000L,
                        true,
                        2,
                        "tcp",
                        "10.0.0.1",
                        40000,
                        "198.51.100.7",
                        443,
                        Instant.ofEpochSecond(1_700_000_000, 250_000_000)),
                received);
        StoredSocketEvent sparse = new StoredSocketEvent(
                Seuid.next(),
                new SocketEventInput(
                        "h2", null, null, null, null, null, null, null, null, null, null, null, null, null),
                received);

        store.insert(List.of(full, sparse));

        SocketEventResponse a = store.find(full.seuid()).orElseThrow();
        assertThat(a.exe()).isEqualTo("/opt/odd\tname\\x");
        assertThat(a.pid()).isEqualTo(42L);
        assertThat(a.success()).isTrue();
        assertThat(a.remotePort()).isEqualTo(443);
        assertThat(a.time()).isEqualTo(Instant.ofEpochSecond(1_700_000_000, 250_000_000));
        assertThat(a.receivedAt()).isEqualTo(received);
        SocketEventResponse b = store.find(sparse.seuid()).orElseThrow();
        assertThat(b.syscall()).isNull();
        assertThat(b.success()).isNull();
        assertThat(b.time()).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM socket_events WHERE host_id = 'h2'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void storesTheValidatorsEarliestAndLatestTimesAndReadsThemBackUnchanged() {
        Instant received = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<StoredSocketEvent> events = List.of(SocketEventValidator.EARLIEST, SocketEventValidator.LATEST).stream()
                .map(time -> new StoredSocketEvent(
                        Seuid.next(),
                        new SocketEventInput(
                                "bounds", "connect", 1L, null, null, null, null, null, null, null, null, null, null,
                                time),
                        received))
                .toList();

        store.insert(events);

        assertThat(events)
                .extracting(e -> store.find(e.seuid()).orElseThrow().time())
                .containsExactly(SocketEventValidator.EARLIEST, SocketEventValidator.LATEST);
    }
}
