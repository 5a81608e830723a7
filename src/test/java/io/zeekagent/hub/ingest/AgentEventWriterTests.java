package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tests for {@link AgentEventWriter}: a database outage is waited out, a bad batch is not retried forever. */
class AgentEventWriterTests {

    private final List<StoredSocketEvent> committed = new CopyOnWriteArrayList<>();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();
    private AgentEventWriter writer;

    @AfterEach
    void stop() {
        if (writer != null) {
            writer.stop();
        }
    }

    @Test
    void holdsRowsThroughADatabaseOutageAndWritesThemWhenItReturns() {
        writer = writer(100, batch -> {
            attempts.incrementAndGet();
            if (databaseDown.get()) {
                throw new CannotCreateTransactionException("Connection refused");
            }
            committed.addAll(batch);
        });
        databaseDown.set(true);
        writer.start();
        for (int i = 0; i < 50; i++) {
            assertThat(writer.offer(event(i))).isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() >= 3);
        assertThat(committed).isEmpty();

        databaseDown.set(false);

        await().atMost(Duration.ofSeconds(10)).until(() -> committed.size() == 50);
        assertThat(failed).hasValue(0);
        assertThat(writer.isAlive()).isTrue();
    }

    @Test
    void dropsAndCountsRowsBeyondTheBufferWhileTheDatabaseIsDown() {
        databaseDown.set(true);
        writer = writer(10, batch -> {
            if (databaseDown.get()) {
                throw new CannotCreateTransactionException("Connection refused");
            }
            committed.addAll(batch);
        });
        long accepted = 0;
        for (int i = 0; i < 25; i++) {
            accepted += writer.offer(event(i)) ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(10);
        writer.start();
        databaseDown.set(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> committed.size() == 10);
    }

    @Test
    void givesUpOnABatchThatFailsForAnotherReasonAndKeepsWriting() {
        writer = writer(100, batch -> {
            if (batch.stream().anyMatch(e -> e.seuid().equals("poison"))) {
                throw new DataIntegrityViolationException("duplicate key");
            }
            committed.addAll(batch);
        });
        writer.start();
        writer.offer(new StoredSocketEvent("poison", input(), Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> failed.get() == 1);
        writer.offer(event(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> committed.size() == 1);
        assertThat(writer.isAlive()).isTrue();
    }

    private AgentEventWriter writer(int capacity, java.util.function.Consumer<List<StoredSocketEvent>> committer) {
        return new AgentEventWriter(
                new IngestProperties(100, Duration.ofMillis(20), 1000, capacity), committer, failed::addAndGet);
    }

    private static StoredSocketEvent event(int n) {
        return new StoredSocketEvent("s" + n, input(), Instant.now());
    }

    private static SocketEventInput input() {
        return new SocketEventInput(
                "h1", "connect", 1L, 3L, "/usr/bin/curl", 0L, true, 2, "tcp", "10.0.0.1", 40000, "10.0.0.2", 443, null);
    }
}
