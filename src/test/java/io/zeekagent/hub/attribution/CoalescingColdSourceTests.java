package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link CoalescingColdSource}: shared statements, each caller's own rows, failures, ordering. */
class CoalescingColdSourceTests {

    static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    final ListColdSource database = new ListColdSource();
    final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Events of 40 hosts: connects to port 443 a minute apart, and one bind each on port 8080. */
    void events() {
        for (int h = 0; h < 40; h++) {
            for (int m = 0; m < 5; m++) {
                Instant t = T0.plusSeconds(60L * m);
                database.rows.add(new SocketEventEntry(
                        Seuid.format(h, m),
                        "host" + h,
                        "connect",
                        1L,
                        "/bin/x",
                        0L,
                        "tcp",
                        "10.0.0." + h,
                        40000 + m,
                        "192.0.2.1",
                        443,
                        t,
                        t));
            }
            database.rows.add(new SocketEventEntry(
                    Seuid.format(h, 99),
                    "host" + h,
                    "bind",
                    1L,
                    "/bin/x",
                    0L,
                    "tcp",
                    "10.0.0." + h,
                    8080,
                    null,
                    null,
                    T0,
                    T0));
        }
    }

    /** A probe like one side of a connection of host {@code h} at minute {@code m}, the window 30 s. */
    static ColdQuery probe(int h, int m) {
        Instant ts = T0.plusSeconds(60L * m);
        return new ColdQuery(
                new long[] {ColdKey.of("host" + h, 40000 + m, 443), ColdKey.of("host" + h, 0, 443)},
                h % 3 == 0 ? new long[] {ColdKey.of("host" + h, 8080, 0)} : new long[0],
                T0.minusSeconds(3600),
                T0.plusSeconds(60L * h % 400),
                ts.minusSeconds(30),
                ts.plusSeconds(30),
                Duration.ofSeconds(2));
    }

    @Test
    void givesEveryConcurrentCallerExactlyTheRowsOfItsOwnStatement() throws Exception {
        events();
        // The first statement is held until every caller waits, so the rest must share statements.
        CountDownLatch queued = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        ColdEventSource slow = q -> {
            if (calls.getAndIncrement() == 0) {
                await(queued);
            }
            return database.find(q);
        };
        CoalescingColdSource coalesced = new CoalescingColdSource(slow, 1, 4096);
        List<ColdQuery> queries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            queries.add(probe(i % 40, i % 5));
        }
        List<Future<List<SocketEventEntry>>> answers = new ArrayList<>();
        for (ColdQuery q : queries) {
            answers.add(pool.submit(() -> coalesced.find(q)));
        }
        waitUntil(() -> coalesced.probes() == 0 && queuedAtLeast(coalesced, 15));
        queued.countDown();
        for (int i = 0; i < queries.size(); i++) {
            List<SocketEventEntry> expected =
                    new ListColdSource().withRows(database.rows).find(queries.get(i));
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(coalesced.probes()).isEqualTo(200);
        assertThat(coalesced.statements()).isLessThan(200);
    }

    @Test
    void mergesKeysAndWidensBoundsSoThatNoCallerLosesARow() {
        ColdQuery a = probe(1, 0);
        ColdQuery b = new ColdQuery(
                new long[0],
                new long[] {ColdKey.of("host2", 8080, 0)},
                T0.minusSeconds(10),
                T0,
                null,
                null,
                Duration.ofSeconds(5));
        ColdQuery merged = ColdQuery.merge(List.of(a, b));
        assertThat(merged.connectKeys()).containsExactlyInAnyOrder(a.connectKeys());
        assertThat(merged.bindKeys()).containsExactly(ColdKey.of("host2", 8080, 0));
        assertThat(merged.receivedFrom()).isEqualTo(a.receivedFrom());
        assertThat(merged.receivedTo()).isEqualTo(a.receivedTo().isAfter(T0) ? a.receivedTo() : T0);
        assertThat(merged.eventFrom()).isEqualTo(a.eventFrom());
        assertThat(merged.eventTo()).isNull();
        assertThat(merged.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void failsEveryCallerOfAFailedStatementAndThenRecovers() {
        events();
        database.failing = true;
        CoalescingColdSource coalesced = new CoalescingColdSource(database, 2, 4096);
        assertThatThrownBy(() -> coalesced.find(probe(1, 1))).hasMessageContaining("database down");
        database.failing = false;
        assertThat(coalesced.find(probe(1, 1)))
                .extracting(SocketEventEntry::seuid)
                .containsExactly(Seuid.format(1, 1));
    }

    @Test
    void runsAProbeAtOnceWhenNoStatementIsRunning() {
        events();
        CoalescingColdSource coalesced = new CoalescingColdSource(database, 1, 4096);
        for (int i = 0; i < 5; i++) {
            coalesced.find(probe(3, i));
        }
        assertThat(coalesced.statements()).isEqualTo(5);
        assertThat(database.statements).isEqualTo(5);
    }

    static boolean queuedAtLeast(CoalescingColdSource source, int n) {
        return source.waiting() >= n;
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
