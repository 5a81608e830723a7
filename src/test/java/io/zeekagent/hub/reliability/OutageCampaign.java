package io.zeekagent.hub.reliability;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.agent.sim.AgentSimulator;
import io.zeekagent.hub.bench.BenchReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The database-outage campaign, shared by {@link DatabaseOutageIntegrationTests} (15 s, a few agents, a small
 * buffer, in {@code ./mvnw verify}) and {@link DatabaseOutageBenchmark} (60 s at 10,000 rows/s): v1 agents feed
 * socket events, the private PostgreSQL server is stopped for the outage and started again, and the campaign
 * counts where every routed row went.
 */
final class OutageCampaign {

    /** What the campaign measured. */
    record Result(
            double routed,
            double routedDuringOutage,
            long stored,
            double dropped,
            double spooled,
            double peakSpoolBytes,
            boolean degradedSeen,
            long restMillis,
            int refusedStatus,
            String refusedContentType,
            int acceptedStatus,
            long replayMillis,
            double bridgeDropped) {}

    private final HubClient http;
    private final MeterRegistry meters;
    private final PrivatePostgres postgres;
    private final String xpub;
    private final String xsub;

    OutageCampaign(HubClient http, MeterRegistry meters, PrivatePostgres postgres, String xpub, String xsub) {
        this.http = http;
        this.meters = meters;
        this.postgres = postgres;
        this.xpub = xpub;
        this.xsub = xsub;
    }

    Result run(int agentCount, Duration outage) throws Exception {
        if (http.post("/api/v1/groups", "{\"name\":\"agents\"}").status() != 201
                || http.post(
                                        "/api/v1/subscriptions",
                                        "{\"name\":\"sockets\",\"query\":\"SELECT * FROM socket_events\","
                                                + "\"kind\":\"SOCKET_EVENTS\",\"intervalSeconds\":1,"
                                                + "\"groups\":[\"agents\"]}")
                                .status()
                        != 201) {
            throw new IllegalStateException("could not set up the socket-event subscription");
        }
        try (AgentSimulator agents = new AgentSimulator(xpub, xsub, "broker-bin-v1", 10)) {
            List<String> hosts = agents.startMany("sim", agentCount, List.of("agents")).stream()
                    .map(h -> h.hostId())
                    .toList();
            await().atMost(Duration.ofSeconds(120)).until(() -> written() > 0);
            double rate = steadyRate(agentCount * 10.0);
            BenchReport.phase(String.format(
                    "rows stored, %.0f rows/s routed; stopping PostgreSQL for %d s", rate, outage.toSeconds()));

            postgres.stopServer();
            long stoppedAt = System.nanoTime();
            double routedAtStop = routed();
            await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(http.componentHealth("db")));
            long restStart = System.nanoTime();
            HubClient.Reply refused =
                    http.post("/api/v1/socket-events", SocketEvents.batch("rest-host", 0, 1, 1_795_996_800L));
            long restMillis = (System.nanoTime() - restStart) / 1_000_000;
            AtomicBoolean degraded = new AtomicBoolean();
            double[] peakSpool = {0};
            await().atMost(outage.plusSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        peakSpool[0] = Math.max(peakSpool[0], spoolBytes());
                        if ("DEGRADED".equals(http.componentHealth("spool"))) {
                            degraded.set(true);
                        }
                        return System.nanoTime() - stoppedAt >= outage.toNanos();
                    });
            double routedDuringOutage = routed() - routedAtStop;

            BenchReport.phase("starting PostgreSQL again");
            postgres.startServer();
            long startedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(http.componentHealth("db")));
            hosts.forEach(agents::disconnect);
            await().atMost(Duration.ofSeconds(300))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> written() + dropped() == routed() && spoolBytes() == 0);
            long replayMillis = (System.nanoTime() - startedAt) / 1_000_000;
            HubClient.Reply accepted =
                    http.post("/api/v1/socket-events", SocketEvents.batch("rest-host", 0, 1, 1_795_996_800L));
            long stored = 0;
            for (String host : hosts) {
                stored += http.countSocketEvents(host);
            }
            return new Result(
                    routed(),
                    routedDuringOutage,
                    stored,
                    dropped(),
                    meters.get("hub.writer.spooled")
                            .tag("stream", "socket-events")
                            .counter()
                            .count(),
                    peakSpool[0],
                    degraded.get(),
                    restMillis,
                    refused.status(),
                    String.valueOf(refused.contentType()),
                    accepted.status(),
                    replayMillis,
                    bridgeDropped());
        }
    }

    /**
     * Waits (at most 3 minutes) until every agent is subscribed, that is until rows are routed at 80 % of the
     * expected rate over a 2-second window; returns the last window's rate. The outage must start at full load:
     * while the database is away no further agent can be subscribed.
     */
    private double steadyRate(double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        double rate = 0;
        while (System.nanoTime() < deadline) {
            double before = routed();
            long t0 = System.nanoTime();
            Thread.sleep(2000);
            rate = (routed() - before) * 1e9 / (System.nanoTime() - t0);
            if (rate >= 0.8 * expected) {
                break;
            }
        }
        return rate;
    }

    /** Prints the figures ({@link BenchReport}): the outage's length in the names. */
    static void report(Duration outage, int agents, Result r) {
        String name = "DB outage " + outage.toSeconds() + " s (" + agents * 10 + " rows/s)";
        BenchReport.figure(
                name + ": agent rows lost",
                r.routed() - r.stored(),
                "rows",
                "agent rows received during the outage",
                r.routedDuringOutage(),
                "0",
                r.routed() == r.stored() && r.dropped() == 0);
        BenchReport.info(name + ": agent rows spooled to disk", r.spooled(), "rows", "-", Double.NaN);
        BenchReport.info(
                name + ": messages dropped by the bridge's inbound queue (never routed)",
                r.bridgeDropped(),
                "messages",
                "-",
                Double.NaN);
        BenchReport.info(name + ": peak spool size", r.peakSpoolBytes() / 1e6, "MB", "-", Double.NaN);
        BenchReport.info(name + ": replay after the database returned", r.replayMillis(), "ms", "-", Double.NaN);
        BenchReport.figure(
                name + ": REST write answered 503 after",
                r.restMillis(),
                "ms",
                "-",
                Double.NaN,
                "< 10,000 ms, no hang",
                r.refusedStatus() == 503 && r.restMillis() < 10_000);
    }

    private double written() {
        return meters.get("hub.ingest.events.written").counter().count();
    }

    private double spoolBytes() {
        return meters.get("hub.writer.spool.bytes")
                .tag("stream", "socket-events")
                .gauge()
                .value();
    }

    /** Invalid rows (ingest) and rows the socket-event writer gave up on (buffer or spool full, failed write). */
    private double dropped() {
        return meters.get("hub.ingest.events.dropped").counters().stream()
                        .mapToDouble(c -> c.count())
                        .sum()
                + meters.get("hub.writer.dropped").tag("stream", "socket-events").counters().stream()
                        .mapToDouble(c -> c.count())
                        .sum();
    }

    private double bridgeDropped() {
        return meters.find("hub.zeromq.drops").tag("reason", "inbound-queue-full").functionCounters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private double routed() {
        return meters.get("hub.results.routed")
                .tag("kind", "socket_events")
                .counter()
                .count();
    }
}
