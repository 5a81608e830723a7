package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeekagent.hub.attribution.AttributionService;
import io.zeekagent.hub.attribution.Seuid;
import io.zeekagent.hub.attribution.SocketEventEntry;
import io.zeekagent.hub.support.TestWriters;
import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Tests for {@link SocketEventIngestService} and {@link SocketEventStore} on the V2 migration (H2). */
@JdbcTest
@Import(SocketEventStore.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class SocketEventIngestServiceTests {

    static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    @Autowired
    SocketEventStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @MockitoBean
    AttributionService attribution;

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    SocketEventIngestService service;

    @BeforeEach
    void service() {
        jdbc.update("DELETE FROM socket_events");
        service = new SocketEventIngestService(
                store,
                new TransactionTemplate(transactions),
                attribution,
                new IngestProperties(3, Duration.ofMillis(20), 100, 4),
                TestWriters.inMemory(meters),
                meters,
                new org.springframework.beans.factory.support.DefaultListableBeanFactory()
                        .getBeanProvider(StoredEventsObserver.class),
                new org.springframework.beans.factory.support.DefaultListableBeanFactory()
                        .getBeanProvider(SocketEventStream.class));
    }

    @AfterEach
    void stop() {
        service.writer().stop();
    }

    static SocketEventInput connect(String host, int port) {
        return new SocketEventInput(
                host, "connect", 7L, 3L, "/usr/bin/curl", 1000L, true, 2, "tcp", null, 0, "10.0.0.2", port, T0);
    }

    /** What replicas do: a stream instead of the local writer. */
    static final class ListStream implements SocketEventStream {
        final List<StoredSocketEvent> published = new java.util.ArrayList<>();
        final List<StoredSocketEvent> offered = new java.util.ArrayList<>();

        @Override
        public void publish(List<StoredSocketEvent> events) {
            published.addAll(events);
        }

        @Override
        public boolean offer(StoredSocketEvent event) {
            offered.add(event);
            return true;
        }

        @Override
        public int queued() {
            return offered.size();
        }
    }

    @Test
    void withAStreamRestAndAgentEventsArePublishedNotWrittenAndTheStreamsConsumersStoreAndIndexThem() {
        ListStream stream = new ListStream();
        org.springframework.beans.factory.support.DefaultListableBeanFactory beans =
                new org.springframework.beans.factory.support.DefaultListableBeanFactory();
        beans.registerSingleton("stream", stream);
        service.writer().stop();
        service = new SocketEventIngestService(
                store,
                new TransactionTemplate(transactions),
                attribution,
                new IngestProperties(3, Duration.ofMillis(20), 100, 4),
                TestWriters.inMemory(meters),
                meters,
                beans.getBeanProvider(StoredEventsObserver.class),
                beans.getBeanProvider(SocketEventStream.class));

        List<String> seuids = service.ingestAcknowledged(List.of(connect("a", 1), connect("b", 2)));
        service.ingestFromAgent(
                "c",
                "zeromq",
                List.of("syscall", "remote_address", "remote_port"),
                List.of(List.of("connect", "10.0.0.2", 443)));

        assertThat(stream.published).extracting(StoredSocketEvent::seuid).isEqualTo(seuids);
        assertThat(stream.offered).extracting(e -> e.input().hostId()).containsExactly("c");
        assertThat(count(null)).isZero();
        verify(attribution, org.mockito.Mockito.never()).index(anyList());

        // The store group's redelivery stores each event once; the index group indexes.
        service.storeFromStream(stream.published);
        service.storeFromStream(stream.published);
        service.indexFromStream(stream.offered);
        assertThat(count(null)).isEqualTo(2);
        verify(attribution).index(anyList());
    }

    @Test
    void storesABatchAndIndexesItAfterCommitReturningSeuidsInOrder() {
        List<String> seuids = service.ingestAcknowledged(List.of(connect("a", 1), connect("b", 2)));
        assertThat(seuids).hasSize(2).allMatch(Seuid::isValid).doesNotHaveDuplicates();
        assertThat(store.find(seuids.get(1))).hasValueSatisfying(e -> {
            assertThat(e.hostId()).isEqualTo("b");
            assertThat(e.remotePort()).isEqualTo(2);
            assertThat(e.time()).isEqualTo(T0);
            assertThat(e.success()).isTrue();
        });
        verify(attribution).index(anyList());
        assertThat(meters.counter("hub.ingest.events.written").count()).isEqualTo(2);
    }

    @Test
    void reportsEveryInvalidFieldWithItsIndexAndStoresNothing() {
        List<SocketEventInput> events = List.of(
                connect("a", 1),
                new SocketEventInput(
                        " ", null, null, null, null, null, null, null, "sctp", "300.1.1.1", 70000, null, null, null));
        assertThatThrownBy(() -> service.ingestAcknowledged(events))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e)
                        .fieldProblems().stream().map(FieldProblem::field).toList())
                .isEqualTo(List.of("[1].hostId", "[1].localAddress", "[1].localPort", "[1].protocol"));
        assertThat(count(null)).isZero();
    }

    @Test
    void mapsAgentRowsBufferedAndCommitsThemWithinTheFlushInterval() {
        service.writer().start();
        List<String> columns = List.of(
                "syscall",
                "pid",
                "fd",
                "exe",
                "local_address",
                "remote_address",
                "local_port",
                "remote_port",
                "time",
                "success",
                "uid");
        service.ingestFromAgent(
                "linux-1",
                "zeromq",
                columns,
                List.of(
                        new Object[] {"connect", 10L, 3L, "/bin/nc", "", "10.0.0.2", 0L, 22L, 1795996800L, 1L, 0L},
                        new Object[] {"bind", 11L, 4L, "/bin/nc", "0.0.0.0", "", 8080L, 0L, 1795996800L, 1L, 0L}));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count("linux-1") == 2);
        verify(attribution, atLeastOnce()).index(anyList());
    }

    @Test
    void countsRowsDroppedWhenTheBufferIsFullAndFlushesTheRestOnStop() {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(List.of("connect", "10.0.0.2", 1000 + i));
        }
        service.ingestFromAgent("h", "zeromq", List.of("syscall", "remote_address", "remote_port"), rows);
        assertThat(meters.counter("hub.writer.dropped", "stream", "socket-events", "reason", "buffer-full")
                        .count())
                .isEqualTo(2);
        service.writer().stop();
        assertThat(count("h")).isEqualTo(4);
    }

    @Test
    void replaysStoredEventsWithinRetentionInReceiptOrder() {
        List<String> first = service.ingestAcknowledged(List.of(connect("a", 1)));
        List<String> second = service.ingestAcknowledged(List.of(connect("a", 2)));
        List<SocketEventEntry> replayed = new ArrayList<>();
        store.replaySince(Instant.EPOCH, replayed::addAll);
        assertThat(replayed).extracting(SocketEventEntry::seuid).containsExactly(first.get(0), second.get(0));
        List<SocketEventEntry> none = new ArrayList<>();
        store.replaySince(Instant.now().plusSeconds(60), none::addAll);
        assertThat(none).isEmpty();
    }

    @Test
    void deletesByRetentionAndTrimsToMaxEvents() {
        service.ingestAcknowledged(List.of(connect("a", 1), connect("a", 2), connect("a", 3)));
        assertThat(store.trimTo(2)).isOne();
        assertThat(store.deleteReceivedBefore(Instant.now().plusSeconds(1))).isEqualTo(2);
        assertThat(count(null)).isZero();
    }

    @Test
    void takesAMappedBatchAllOrNoneAndDropsOnlyItsInvalidEvents() {
        assertThat(service.offerFromAgent(List.of(connect("a", 1), connect("a", 2), connect("a", 3)), Duration.ZERO))
                .isTrue();
        assertThat(service.writer().queued()).isEqualTo(3);

        assertThat(service.offerFromAgent(List.of(connect("a", 4), connect("a", 5)), Duration.ofMillis(20)))
                .isFalse();
        assertThat(service.writer().queued()).isEqualTo(3);

        SocketEventInput invalid = new SocketEventInput(
                "a", "connect", 7L, 3L, "/x", null, true, 2, null, "not-an-address", 0, "10.0.0.2", 6, T0);
        assertThat(service.offerFromAgent(List.of(invalid), Duration.ZERO)).isTrue();
        assertThat(service.writer().queued()).isEqualTo(3);
        assertThat(meters.counter("hub.ingest.events.dropped", "reason", "invalid")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aMappedBatchLargerThanTheWholeBufferGoesThroughWhileTheWriterDrains() {
        service.writer().start();
        List<SocketEventInput> batch = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            batch.add(connect("big", i));
        }

        assertThat(service.offerFromAgent(batch, Duration.ofSeconds(10))).isTrue();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count("big") == 10);
    }

    @Test
    void commitsAMappedBatchOnTheCallersThreadWhileTheWriterRunsHealthy() {
        service.writer().start();
        SocketEventInput invalid = new SocketEventInput(
                "a", "connect", 7L, 3L, "/x", null, true, 2, null, "not-an-address", 0, "10.0.0.2", 6, T0);

        assertThat(service.offerFromAgent(List.of(connect("now", 1), invalid, connect("now", 2)), Duration.ZERO))
                .isTrue();

        assertThat(count("now")).isEqualTo(2);
        assertThat(service.writer().queued()).isZero();
        assertThat(meters.counter("hub.ingest.events.written").count()).isEqualTo(2);
        assertThat(meters.counter("hub.ingest.events.dropped", "reason", "invalid")
                        .count())
                .isEqualTo(1);
    }

    /** Stored events, of one host or of all. */
    private long count(@org.jspecify.annotations.Nullable String hostId) {
        Long n = hostId == null
                ? jdbc.queryForObject("SELECT COUNT(*) FROM socket_events", Long.class)
                : jdbc.queryForObject("SELECT COUNT(*) FROM socket_events WHERE host_id = ?", Long.class, hostId);
        return n == null ? 0 : n;
    }
}
