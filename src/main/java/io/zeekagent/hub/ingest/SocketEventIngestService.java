package io.zeekagent.hub.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.attribution.AttributionService;
import io.zeekagent.hub.attribution.Seuid;
import io.zeekagent.hub.attribution.SocketEventEntry;
import io.zeekagent.hub.storage.DurableWriter;
import io.zeekagent.hub.storage.DurableWriters;
import io.zeekagent.hub.storage.WriterSettings;
import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Socket-event ingestion: gives each event a seuid, writes events in JDBC batches and, once committed, hands them
 * to attribution. REST batches are written synchronously; agent rows go through the {@code socket-events}
 * {@link DurableWriter} (bounded buffer, batches, disk spool through an outage), started and drained by
 * {@link IngestLifecycle}.
 */
@Service
public class SocketEventIngestService {

    /** The agent socket events' stream: metrics tag and spool directory. */
    static final String STREAM = "socket-events";

    private static final Logger log = LoggerFactory.getLogger(SocketEventIngestService.class);

    private final SocketEventStore store;
    private final TransactionTemplate tx;
    private final AttributionService attribution;
    private final IngestProperties properties;
    private final DurableWriter<StoredSocketEvent> writer;
    private final ObjectProvider<StoredEventsObserver> observers;
    private final @Nullable SocketEventStream stream;
    private final Counter written;
    private final Counter droppedInvalid;
    private final Clock clock = Clock.systemUTC();
    private volatile @Nullable AgentRowMapper lastMapper;

    SocketEventIngestService(
            SocketEventStore store,
            TransactionTemplate tx,
            AttributionService attribution,
            IngestProperties properties,
            DurableWriters writers,
            MeterRegistry meters,
            ObjectProvider<StoredEventsObserver> observers,
            ObjectProvider<SocketEventStream> streams) {
        this.observers = observers;
        this.stream = streams.getIfAvailable();
        this.store = store;
        this.tx = tx;
        this.attribution = attribution;
        this.properties = properties;
        this.written = Counter.builder("hub.ingest.events.written")
                .description("Socket events committed to the database")
                .register(meters);
        this.droppedInvalid = dropped(meters, "invalid");
        this.writer = writers.create(
                new WriterSettings(
                        STREAM, properties.batchSize(), properties.flushInterval(), properties.bufferCapacity()),
                new SocketEventCodec(),
                this::commit);
        Gauge.builder("hub.ingest.buffer", writer, DurableWriter::queued)
                .description("Agent socket events waiting for the writer")
                .register(meters);
    }

    private static Counter dropped(MeterRegistry meters, String reason) {
        return Counter.builder("hub.ingest.events.dropped")
                .tag("reason", reason)
                .description("Agent socket events not stored (the writer's drops: hub.writer.dropped)")
                .register(meters);
    }

    /**
     * Validates, stores and indexes a batch (the REST path); returns the seuids in input order once committed.
     * Every invalid field of every event is reported in one 400, named {@code [index].field}.
     */
    public List<String> ingestAcknowledged(List<SocketEventInput> events) {
        List<FieldProblem> problems = new ArrayList<>();
        List<SocketEventInput> valid = new ArrayList<>(events.size());
        SocketEventValidator validator = new SocketEventValidator();
        for (int i = 0; i < events.size(); i++) {
            valid.add(validator.validate(events.get(i), "[" + i + "].", problems));
        }
        return store(valid, problems);
    }

    /** The REST form: like {@link #ingestAcknowledged} but {@code time} is still text (epoch seconds or ISO). */
    List<String> ingestRequests(List<SocketEventRequest> requests) {
        if (requests.size() > properties.maxBatch()) {
            throw InvalidRequestException.forField(
                    "body", "at most " + properties.maxBatch() + " events per request, got " + requests.size());
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<SocketEventInput> valid = new ArrayList<>(requests.size());
        SocketEventValidator validator = new SocketEventValidator();
        for (int i = 0; i < requests.size(); i++) {
            valid.add(validator.validate(requests.get(i), "[" + i + "].", problems));
        }
        return store(valid, problems);
    }

    private List<String> store(List<@Nullable SocketEventInput> valid, List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(
                    "invalid-socket-events",
                    "Invalid socket events",
                    problems.size() + " invalid field(s); nothing was stored",
                    problems);
        }
        Instant now = receivedAt();
        List<StoredSocketEvent> stored = new ArrayList<>(valid.size());
        List<String> seuids = new ArrayList<>(valid.size());
        for (SocketEventInput input : valid) {
            String seuid = Seuid.next();
            stored.add(new StoredSocketEvent(seuid, java.util.Objects.requireNonNull(input), now));
            seuids.add(seuid);
        }
        SocketEventStream s = stream;
        if (s != null) {
            s.publish(stored);
        } else {
            commit(stored);
        }
        return seuids;
    }

    /**
     * Queues rows of a SOCKET_EVENTS subscription (the agent path), mapped by column name: v1 Linux, macOS
     * OpenBSM and v2 {@code sockets_events} names are understood. Rows are {@code Object[]} or {@code List} in
     * column order, or {@code Map}s by column name. Returns at once; an invalid row is dropped and counted
     * ({@code hub.ingest.events.dropped}), a row beyond a full buffer too ({@code hub.writer.dropped}).
     *
     * @param transport where the rows came from (e.g. {@code zeromq}, {@code websocket}), for logs
     */
    public void ingestFromAgent(String hostId, String transport, List<String> columns, List<?> rows) {
        AgentRowMapper mapper = mapper(columns);
        SocketEventValidator validator = new SocketEventValidator();
        List<FieldProblem> problems = new ArrayList<>();
        Instant now = receivedAt();
        for (Object row : rows) {
            problems.clear();
            SocketEventInput input;
            try {
                input = validator.validate(mapper.map(hostId, row), "", problems);
            } catch (RuntimeException e) {
                // One row an agent got wrong must not cost the rows after it.
                input = null;
            }
            if (input == null) {
                droppedInvalid.increment();
            } else if (stream != null) {
                stream.offer(new StoredSocketEvent(Seuid.next(), input, now));
            } else {
                writer.offer(new StoredSocketEvent(Seuid.next(), input, now));
            }
        }
    }

    /**
     * Takes socket events an agent transport already mapped (osquery's rows), all or none. While the writer runs
     * healthy (no spool, buffer not over a batch) the batch is committed on the caller's thread, as the REST path
     * does: the caller can wait, and the writer's single thread would otherwise cap every such transport at one
     * batch at a time. Otherwise, or when that commit fails (an outage: the writer then holds and spools it), the
     * batch goes to the writer: it waits up to {@code maxWait} for the buffer to have room for the whole batch, and
     * when it still has not, queues nothing and returns false, so the caller can ask the agent to send the batch
     * again later (back-pressure without loss). A batch larger than the whole buffer is queued event by event within
     * the same wait. Invalid events are dropped and counted, never the batch.
     *
     * @return whether the batch was taken (false: the buffer stayed too full, retry later)
     */
    public boolean offerFromAgent(List<SocketEventInput> events, Duration maxWait) {
        if (events.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        List<StoredSocketEvent> valid = validated(events);
        // Invalid events are counted once the batch is taken, not on every retry of a refused one.
        int invalid = events.size() - valid.size();
        SocketEventStream s = stream;
        if (s != null) {
            // Replicas: the stream's producer queue never blocks; what it cannot take it drops and counts.
            droppedInvalid.increment(invalid);
            valid.forEach(s::offer);
            return true;
        }
        if (valid.isEmpty() || (writerHealthy() && commitNow(valid))) {
            droppedInvalid.increment(invalid);
            return true;
        }
        boolean fits = valid.size() <= properties.bufferCapacity();
        while (fits && writer.remainingCapacity() < valid.size()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        droppedInvalid.increment(invalid);
        for (StoredSocketEvent event : valid) {
            // Another producer may have filled the buffer meanwhile: the writer counts the row it refused.
            queue(event, fits ? 0 : deadline);
        }
        return true;
    }

    /** The writer runs, has not spooled (no outage) and is not behind by more than a batch. */
    private boolean writerHealthy() {
        return writer.isAlive() && writer.spoolBytes() == 0 && writer.queued() <= properties.batchSize();
    }

    /** The valid events of a batch, stamped with their seuid and the time received; the invalid ones left out. */
    private List<StoredSocketEvent> validated(List<SocketEventInput> events) {
        SocketEventValidator validator = new SocketEventValidator();
        List<FieldProblem> problems = new ArrayList<>();
        Instant now = receivedAt();
        List<StoredSocketEvent> valid = new ArrayList<>(events.size());
        for (SocketEventInput event : events) {
            problems.clear();
            SocketEventInput input = validator.validate(event, "", problems);
            if (input != null) {
                valid.add(new StoredSocketEvent(Seuid.next(), input, now));
            }
        }
        return valid;
    }

    /** Commits on the caller's thread; false, nothing stored, when the insert failed (the writer takes over). */
    private boolean commitNow(List<StoredSocketEvent> events) {
        try {
            tx.executeWithoutResult(status -> store.insert(events));
        } catch (RuntimeException e) {
            log.debug(
                    "Direct commit of {} agent socket events failed; they go to the writer: {}",
                    events.size(),
                    e.toString());
            return false;
        }
        stored(events);
        return true;
    }

    private void queue(StoredSocketEvent event, long deadline) {
        if (deadline != 0) {
            try {
                if (writer.offer(event, deadline - System.nanoTime())) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Without room even after the wait: the plain offer counts the drop (hub.writer.dropped).
        writer.offer(event);
    }

    /** The mapper of these columns; the last one is kept, since rows come one at a time, mostly of one query. */
    private AgentRowMapper mapper(List<String> columns) {
        AgentRowMapper last = lastMapper;
        if (last != null && last.columns().equals(columns)) {
            return last;
        }
        AgentRowMapper mapper = new AgentRowMapper(columns);
        lastMapper = mapper;
        return mapper;
    }

    SocketEventResponse find(String seuid) {
        return store.find(seuid)
                .orElseThrow(() -> new NotFoundException(
                        "socket-event-not-found", "Socket event not found", "No socket event '" + seuid + "'"));
    }

    DurableWriter<StoredSocketEvent> writer() {
        return writer;
    }

    /** Events the stream has queued for the brokers (0 on a single node). */
    int streamQueued() {
        SocketEventStream s = stream;
        return s == null ? 0 : s.queued();
    }

    /**
     * Stores events taken from the stream (consumer group {@code store}), in one transaction; events already stored
     * (a redelivery after a crash or a rebalance) are skipped by seuid, so at-least-once delivery stores each once.
     * Observers are told, as for a local commit. Throws when the database fails: the consumer retries the batch.
     */
    public void storeFromStream(List<StoredSocketEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        int inserted = store.insertIdempotent(events, tx);
        written.increment(inserted);
        notifyObservers(events);
    }

    /** Indexes events taken from the stream (consumer group {@code index}) in this replica's hot index. */
    public void indexFromStream(List<StoredSocketEvent> events) {
        List<SocketEventEntry> entries = new ArrayList<>(events.size());
        for (StoredSocketEvent e : events) {
            entries.add(e.toEntry());
        }
        attribution.index(entries);
    }

    private void commit(List<StoredSocketEvent> events) {
        tx.executeWithoutResult(status -> store.insert(events));
        stored(events);
    }

    /** What follows a committed insert: the count, the attribution index and the observers. */
    private void stored(List<StoredSocketEvent> events) {
        written.increment(events.size());
        List<SocketEventEntry> entries = new ArrayList<>(events.size());
        for (StoredSocketEvent e : events) {
            entries.add(e.toEntry());
        }
        attribution.index(entries);
        notifyObservers(events);
    }

    private void notifyObservers(List<StoredSocketEvent> events) {
        observers.forEach(observer -> {
            if (observer.interested()) {
                for (StoredSocketEvent e : events) {
                    SocketEventInput in = e.input();
                    observer.stored(in.hostId(), in.remoteAddress(), in.remotePort(), in.pid(), in.exe(), in.time());
                }
            }
        });
    }

    private Instant receivedAt() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
