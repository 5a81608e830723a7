package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.attribution.Seuid;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tests for the retention deletes of {@link SocketEventStore} on the migrations (H2): by receipt time without an
 * index on it, and by count without reading the table below the cap.
 */
@JdbcTest
@Import(SocketEventStore.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class SocketEventStoreRetentionTests {

    static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    @Autowired
    SocketEventStore store;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM socket_events");
    }

    /** Stores one event per receipt time, in the order given (so ids follow that order). */
    void receivedAt(long... seconds) {
        for (long s : seconds) {
            store.insert(List.of(new StoredSocketEvent(
                    Seuid.next(), SocketEventIngestServiceTests.connect("a", (int) s + 1), T0.plusSeconds(s))));
        }
    }

    List<Integer> remainingPorts() {
        return jdbc.queryForList("SELECT remote_port FROM socket_events ORDER BY id", Integer.class);
    }

    @Test
    void deletesEveryEventReceivedBeforeTheCutoffAndNoneAfter() {
        receivedAt(0, 1, 2, 3, 10, 11);
        assertThat(store.deleteReceivedBefore(T0.plusSeconds(5))).isEqualTo(4);
        assertThat(remainingPorts()).containsExactly(11, 12);
    }

    @Test
    void deletesNothingWhenTheOldestEventIsWithinRetention() {
        receivedAt(10, 11);
        assertThat(store.deleteReceivedBefore(T0.plusSeconds(5))).isZero();
        assertThat(store.deleteReceivedBefore(T0)).isZero();
        assertThat(remainingPorts()).containsExactly(11, 12);
    }

    @Test
    void neverDeletesANewerEventWrittenBeforeAnOlderOneAndCatchesTheOlderOneLater() {
        // A REST batch committed while agent rows received earlier were still in the writer's buffer.
        receivedAt(0, 10, 1, 11);
        int first = store.deleteReceivedBefore(T0.plusSeconds(5));
        assertThat(remainingPorts()).contains(11, 12).doesNotContain(1);
        int second = store.deleteReceivedBefore(T0.plusSeconds(10).plusMillis(500));
        assertThat(first + second).isEqualTo(3);
        assertThat(remainingPorts()).containsExactly(12);
    }

    @Test
    void deletesAllWhenEveryEventIsOld() {
        receivedAt(0, 1, 2);
        assertThat(store.deleteReceivedBefore(T0.plusSeconds(60))).isEqualTo(3);
        assertThat(store.deleteReceivedBefore(T0.plusSeconds(60))).isZero();
        assertThat(remainingPorts()).isEmpty();
    }

    @Test
    void trimsTheOldestEventsBeyondTheCapExactlyDespiteGapsInTheIds() {
        receivedAt(0, 1, 2, 3, 4, 5);
        jdbc.update("DELETE FROM socket_events WHERE remote_port = 3");
        // Five rows over a span of six ids: at a cap of five nothing goes, at a cap of three the two oldest do.
        assertThat(store.trimTo(5)).isZero();
        assertThat(store.trimTo(3)).isEqualTo(2);
        assertThat(remainingPorts()).containsExactly(4, 5, 6);
        assertThat(store.trimTo(3)).isZero();
    }
}
