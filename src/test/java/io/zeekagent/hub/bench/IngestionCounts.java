package io.zeekagent.hub.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.zeekagent.hub.agent.sim.AgentSimulator;
import java.time.Duration;

/**
 * Where every row the agent simulator sent has got to, read from the hub's own counters: routed to ingestion,
 * committed, dropped by ingestion's bounded buffer (or as invalid, or after a failed write), dropped by the bridge's
 * inbound queue (its dispatch thread was behind). What the simulator sent and the hub never received was lost
 * silently inside ZeroMQ (a high-water mark in the simulator's or the proxy's XPUB), or is still in flight.
 */
record IngestionCounts(long sent, long routed, long stored, long ingestDropped, long bridgeDropped, long buffered) {

    static IngestionCounts read(BenchHub hub, AgentSimulator sim) {
        MeterRegistry meters = hub.bean(MeterRegistry.class);
        return new IngestionCounts(
                sim.rowsSent(),
                (long) hub.counter("hub.results.routed", "kind", "socket_events"),
                (long) hub.counter("hub.ingest.events.written"),
                (long) (hub.counter("hub.ingest.events.dropped")
                        + hub.counter("hub.writer.dropped", "stream", "socket-events")),
                (long)
                        Search.in(meters)
                                .name("hub.zeromq.drops")
                                .tags("reason", "inbound-queue-full")
                                .functionCounters()
                                .stream()
                                .mapToDouble(c -> c.count())
                                .sum(),
                (long) Search.in(meters).name("hub.ingest.buffer").gauges().stream()
                        .mapToDouble(g -> g.value())
                        .sum());
    }

    /**
     * After the simulator stopped sending: waits until ingestion has committed or dropped everything routed to it
     * and the bridge has stopped delivering, then returns the final counts (rows still moving at the timeout are
     * reported as in flight, never as stored).
     */
    static IngestionCounts drained(BenchHub hub, AgentSimulator sim, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IngestionCounts last = read(hub, sim);
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            IngestionCounts now = read(hub, sim);
            if (!now.equals(last)) {
                last = now;
                quietSince = System.nanoTime();
            } else if (now.settled() && System.nanoTime() - quietSince > 500_000_000L) {
                return now;
            }
        }
        return last;
    }

    /** Everything routed to ingestion is committed or dropped. */
    boolean settled() {
        return buffered == 0 && routed == stored + ingestDropped;
    }

    long dropped() {
        return ingestDropped + bridgeDropped;
    }

    /** Rows sent that the hub's ingestion never saw and nobody counted: lost in ZeroMQ, or still in flight. */
    long unaccounted() {
        return sent - routed - bridgeDropped;
    }

    /** Routed to ingestion but neither committed nor dropped yet. */
    long inFlight() {
        return routed - stored - ingestDropped;
    }

    IngestionCounts minus(IngestionCounts before) {
        return new IngestionCounts(
                sent - before.sent,
                routed - before.routed,
                stored - before.stored,
                ingestDropped - before.ingestDropped,
                bridgeDropped - before.bridgeDropped,
                buffered);
    }
}
