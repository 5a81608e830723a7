package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link CoalescingPeerTransport} over a fake transport whose first call can be held: callers arriving
 * while it runs share the next call, each gets its own answers and its own failure, details never mix with plain
 * answers, a lone caller calls at once, and every call made is counted once with the lookups it carried.
 */
class CoalescingPeerTransportTests {

    static final String B = "http://b";

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final PeerCalls peerCalls = new PeerCalls(registry, Clock.systemUTC());
    final PeerCalls.Peer peer = peerCalls.peer("b");
    final ExecutorService pool = Executors.newFixedThreadPool(16);
    final FakePeer fake = new FakePeer();
    final CoalescingPeerTransport coalescing = new CoalescingPeerTransport(fake, 1, 1000, Duration.ofSeconds(2));

    @AfterEach
    void stop() {
        fake.release.countDown();
        pool.shutdownNow();
    }

    /** What a caller asked and what it got back. */
    record Asked(int caller, List<HostLookup> lookups, List<MatchCollector> outs, List<Completeness> states) {}

    /** {@code n} lookups of caller {@code caller}: the caller in the originator port, the lookup in the time. */
    static Asked asked(int caller, int n, boolean details) {
        List<HostLookup> lookups = new ArrayList<>();
        List<MatchCollector> outs = new ArrayList<>();
        List<Completeness> states = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            lookups.add(new HostLookup(
                    "host" + k, 1 << MatchCollector.ORIG, new ConnectionTuple(0, 1, caller, 0, 2, 443, 6, k)));
            outs.add(new MatchCollector(details));
            states.add(new Completeness());
        }
        return new Asked(caller, lookups, outs, states);
    }

    Future<?> submit(Asked a, boolean details) {
        return pool.submit(() -> {
            coalescing.lookup(peer, B, a.lookups(), details, a.outs(), a.states());
            return null;
        });
    }

    /** Each of the caller's collectors holds exactly the answer to its own lookup. */
    static void assertAnswered(Asked a) {
        for (int k = 0; k < a.lookups().size(); k++) {
            MatchCollector out = a.outs().get(k);
            assertThat(out.size()).as("caller %d lookup %d", a.caller(), k).isEqualTo(1);
            assertThat(out.seuidLo(0)).isEqualTo(a.caller());
            assertThat(out.time(0)).isEqualTo(k);
            assertThat(a.states().get(k).tiers).isEqualTo(1);
        }
    }

    @Test
    void callersArrivingDuringACallShareTheNextOneAndEachGetsItsOwnAnswersInOrder() throws Exception {
        fake.holdFirst = true;
        Asked first = asked(0, 2, false);
        Future<?> leading = submit(first, false);
        fake.started.await(10, TimeUnit.SECONDS);
        List<Asked> later = new ArrayList<>();
        List<Future<?>> answers = new ArrayList<>();
        for (int c = 1; c <= 6; c++) {
            Asked a = asked(c, c, false);
            later.add(a);
            answers.add(submit(a, false));
        }
        waitUntil(() -> coalescing.waiting() == 6);
        assertThat(fake.calls).hasSize(1);
        fake.release.countDown();
        leading.get(10, TimeUnit.SECONDS);
        for (Future<?> f : answers) {
            f.get(10, TimeUnit.SECONDS);
        }

        assertThat(fake.calls).hasSize(2);
        assertThat(fake.calls.get(1).lookups()).hasSize(1 + 2 + 3 + 4 + 5 + 6);
        assertAnswered(first);
        later.forEach(CoalescingPeerTransportTests::assertAnswered);
        assertThat(calls("ok")).isEqualTo(2);
        assertThat(lookups()).isEqualTo(2 + 21);
        assertThat(registry.get("hub.attribution.peer.latency").timer().count()).isEqualTo(2);
    }

    @Test
    void aCombinedCallTakesNoMoreThanTheChunkAndTheRestGoesNext() throws Exception {
        CoalescingPeerTransport small = new CoalescingPeerTransport(fake, 1, 5, Duration.ofSeconds(2));
        fake.holdFirst = true;
        List<Asked> all = new ArrayList<>();
        List<Future<?>> answers = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            Asked a = asked(c, 2, false);
            all.add(a);
            answers.add(pool.submit(() -> {
                small.lookup(peer, B, a.lookups(), false, a.outs(), a.states());
                return null;
            }));
            if (c == 0) {
                fake.started.await(10, TimeUnit.SECONDS);
            }
        }
        waitUntil(() -> small.waiting() == 4);
        fake.release.countDown();
        for (Future<?> f : answers) {
            f.get(10, TimeUnit.SECONDS);
        }

        // 2 lookups held, then 4 waiting callers of 2 each with at most 5 a call: 2 + 4 + 4.
        assertThat(fake.calls).extracting(c -> c.lookups().size()).containsExactly(2, 4, 4);
        all.forEach(CoalescingPeerTransportTests::assertAnswered);
    }

    @Test
    void aFailedCombinedCallFailsEveryCallerInItAndIsCountedOnce() throws Exception {
        fake.holdFirst = true;
        fake.failFrom = 1;
        Future<?> leading = submit(asked(0, 1, false), false);
        fake.started.await(10, TimeUnit.SECONDS);
        List<Future<?>> answers = new ArrayList<>();
        for (int c = 1; c <= 4; c++) {
            answers.add(submit(asked(c, 3, false), false));
        }
        waitUntil(() -> coalescing.waiting() == 4);
        fake.release.countDown();
        leading.get(10, TimeUnit.SECONDS);
        for (Future<?> f : answers) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(IOException.class)
                    .hasMessage("connection refused");
        }

        assertThat(fake.calls).hasSize(2);
        assertThat(calls("ok")).isEqualTo(1);
        assertThat(calls("error")).isEqualTo(1);
        assertThat(lookups()).isEqualTo(1 + 12);
        assertThat(peerCalls.details()).containsEntry("status", "degraded");

        fake.failFrom = Integer.MAX_VALUE;
        Asked again = asked(9, 2, false);
        coalescing.lookup(peer, B, again.lookups(), false, again.outs(), again.states());
        assertAnswered(again);
    }

    @Test
    void detailsAndPlainAnswersNeverShareACall() throws Exception {
        fake.holdFirst = true;
        Future<?> plainLead = submit(asked(0, 1, false), false);
        fake.started.await(10, TimeUnit.SECONDS);
        // A details caller does not wait for the plain call in flight: its own kind has none.
        Asked detailsLead = asked(100, 2, true);
        submit(detailsLead, true).get(10, TimeUnit.SECONDS);
        assertAnswered(detailsLead);

        // The plain call is still held; the next details call is held too, by the same latch.
        fake.holdAll = true;
        fake.started = new CountDownLatch(1);
        Future<?> detailsHeld = submit(asked(101, 1, true), true);
        fake.started.await(10, TimeUnit.SECONDS);
        List<Asked> all = new ArrayList<>();
        List<Future<?>> answers = new ArrayList<>();
        for (int c = 1; c <= 6; c++) {
            boolean details = c % 2 == 0;
            Asked a = asked(details ? 100 + c : c, 2, details);
            all.add(a);
            answers.add(submit(a, details));
        }
        waitUntil(() -> coalescing.waiting() == 6);
        fake.holdAll = false;
        fake.release.countDown();
        plainLead.get(10, TimeUnit.SECONDS);
        detailsHeld.get(10, TimeUnit.SECONDS);
        for (Future<?> f : answers) {
            f.get(10, TimeUnit.SECONDS);
        }

        all.forEach(CoalescingPeerTransportTests::assertAnswered);
        for (Call call : fake.calls) {
            for (HostLookup l : call.lookups()) {
                assertThat(l.tuple().origPort() >= 100)
                        .as("a details caller's lookup")
                        .isEqualTo(call.details());
            }
        }
        // plain: held + 3 waiting; details: lone + held + 3 waiting.
        assertThat(fake.calls).hasSize(5);
        assertThat(calls("ok")).isEqualTo(5);
    }

    @Test
    void aLoneCallerCallsAtOnceWithExactlyItsOwnLookups() throws Exception {
        for (int c = 0; c < 5; c++) {
            Asked a = asked(c, c + 1, false);
            coalescing.lookup(peer, B, a.lookups(), false, a.outs(), a.states());
            assertAnswered(a);
        }
        assertThat(fake.calls).extracting(c -> c.lookups().size()).containsExactly(1, 2, 3, 4, 5);
        assertThat(coalescing.waiting()).isZero();
        assertThat(calls("ok")).isEqualTo(5);

        // A call in flight to one replica does not hold up a call to another.
        fake.holdFirst = true;
        fake.calls.clear();
        Future<?> held = submit(asked(0, 1, false), false);
        fake.started.await(10, TimeUnit.SECONDS);
        fake.holdFirst = false;
        Asked other = asked(7, 2, false);
        PeerCalls.Peer c = peerCalls.peer("c");
        coalescing.lookup(c, "http://c", other.lookups(), false, other.outs(), other.states());
        assertAnswered(other);
        assertThat(held.isDone()).isFalse();
        fake.release.countDown();
        held.get(10, TimeUnit.SECONDS);
    }

    double calls(String outcome) {
        return registry.get("hub.attribution.peer.calls")
                .tag("peer", "b")
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    double lookups() {
        return registry.get("hub.attribution.peer.lookups")
                .tag("peer", "b")
                .counter()
                .count();
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    /** One call the fake received. */
    record Call(String baseUrl, List<HostLookup> lookups, boolean details) {}

    /**
     * Answers each lookup with one match naming it (its caller as the seuid, its position as the time); holds the
     * first call (or every call) until released, and fails calls from the {@code failFrom}-th on.
     */
    static final class FakePeer implements PeerTransport {
        final List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile boolean holdFirst;
        volatile boolean holdAll;
        volatile int failFrom = Integer.MAX_VALUE;
        volatile CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void lookup(
                String baseUrl,
                List<HostLookup> lookups,
                boolean details,
                List<MatchCollector> outs,
                List<Completeness> states)
                throws IOException {
            int n;
            synchronized (calls) {
                n = calls.size();
                calls.add(new Call(baseUrl, List.copyOf(lookups), details));
            }
            if ((holdFirst && n == 0) || holdAll) {
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (n >= failFrom) {
                throw new IOException("connection refused");
            }
            for (int k = 0; k < lookups.size(); k++) {
                ConnectionTuple t = lookups.get(k).tuple();
                outs.get(k).clear();
                outs.get(k).add(MatchCollector.ORIG, 0, t.origPort(), t.tsMillis());
                states.get(k).tiers = 1;
            }
        }
    }
}
