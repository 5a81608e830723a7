package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.attribution.ColdKey;
import io.zeekagent.hub.attribution.ColdQuery;
import io.zeekagent.hub.attribution.SocketEventEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Tests for {@link SocketEventColdStore} on H2: the key column it adds when switched on, and the same probe as PostgreSQL. */
@JdbcTest
@Import({SocketEventStore.class, SocketEventColdStore.class})
@org.springframework.boot.context.properties.EnableConfigurationProperties(
        io.zeekagent.hub.attribution.ColdTierProperties.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class SocketEventColdStoreTests {

    @Autowired
    SocketEventStore store;

    @Autowired
    SocketEventColdStore cold;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rebuildReplaysOnlyTheNewestEventsAndNamesTheFloor() {
        jdbc.update("DELETE FROM socket_events");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(60);
        for (int n = 0; n < 5; n++) {
            store.insert(List.of(SocketEventPartitionsPostgresTests.event("host-r", 0, 1000 + n, t0.plusSeconds(n))));
        }
        List<Integer> replayed = new java.util.ArrayList<>();
        Instant floor =
                store.replayNewest(t0.minusSeconds(1), 2, batch -> batch.forEach(e -> replayed.add(e.remotePort())));
        assertThat(replayed).containsExactly(1003, 1004);
        assertThat(floor).isEqualTo(t0.plusSeconds(2));
        replayed.clear();
        assertThat(store.replayNewest(
                        t0.minusSeconds(1), 10, batch -> batch.forEach(e -> replayed.add(e.remotePort()))))
                .isNull();
        assertThat(replayed).hasSize(5);
    }

    @Test
    void isOffByDefaultOnH2ButAnswersTheSameProbeWhenAsked() {
        assertThat(cold.enabledByDefault()).isFalse();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        store.insert(List.of(
                SocketEventPartitionsPostgresTests.event("host-a", 0, 443, now),
                SocketEventPartitionsPostgresTests.event("host-a", 0, 443, now.minus(Duration.ofMinutes(10))),
                SocketEventPartitionsPostgresTests.event("host-a", 8443, 0, now.minus(Duration.ofHours(2))),
                SocketEventPartitionsPostgresTests.event("host-b", 0, 443, now)));
        List<SocketEventEntry> rows = cold.find(new ColdQuery(
                new long[] {ColdKey.of("host-a", 0, 443)},
                new long[] {ColdKey.of("host-a", 8443, 0)},
                now.minus(Duration.ofHours(3)),
                now,
                now.minusSeconds(30),
                now.plusSeconds(30),
                Duration.ofSeconds(2)));
        assertThat(rows).hasSize(2).allMatch(e -> e.hostId().equals("host-a"));
        assertThat(jdbc.queryForObject("SELECT k FROM socket_events WHERE host_id = 'host-b'", Long.class))
                .isEqualTo(ColdKey.of("host-b", 0, 443));
    }
}
