package io.zeekagent.hub.bench;

import io.zeekagent.hub.agent.sim.AgentSimulator;
import io.zeekagent.hub.agent.sim.SimHost;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Ingestion end to end (issue 6): simulated v1 agents ({@link AgentSimulator}) answer a SOCKET_EVENTS
 * subscription every second over real ZeroMQ; the hub decodes, maps, assigns seuids, batch-inserts into the
 * database and indexes. The figure is the sustained rate of committed events, with every row sent accounted for
 * (stored, counted as dropped, or lost), against a raw JDBC batch insert of the same rows into the same table of
 * the same database ({@link RawJdbcInsert}). Runs on H2 and, when it answers, PostgreSQL. Not a unit test.
 */
public final class IngestionBenchmark {

    static final String QUERY = "SELECT syscall, pid, fd, exe, local_address, remote_address, local_port,"
            + " remote_port, time, success, uid FROM socket_events WHERE family = 2";
    private static final String TARGET = "≥ 50,000 events/s, all accounted for, none dropped (issue 6)";

    private IngestionBenchmark() {}

    /** Runs the benchmark; exits the JVM when done, since simulator and server threads may linger. */
    public static void main(String[] args) {
        int status = 0;
        try {
            measure();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void measure() throws Exception {
        int agents = 100;
        int rowsPerRun = BenchReport.size(700, 800);
        Duration measure = Duration.ofSeconds(BenchReport.size(8, 30));
        for (BenchHub.Database db : BenchHub.Database.values()) {
            String name = "ingestion end to end, " + agents + " v1 agents over ZeroMQ → " + db + " + index";
            if (db == BenchHub.Database.POSTGRESQL && !BenchHub.postgresAnswers()) {
                BenchReport.skipped(name, TARGET, "PostgreSQL did not answer on 127.0.0.1:5432");
                continue;
            }
            run(db, name, agents, rowsPerRun, measure);
        }
    }

    private static void run(BenchHub.Database db, String name, int agents, int rowsPerRun, Duration measure)
            throws Exception {
        try (BenchHub hub = BenchHub.start(db, "--hub.dispatch.interval=500ms");
                AgentSimulator sim =
                        new AgentSimulator(hub.xpubEndpoint(), hub.xsubEndpoint(), "broker-bin-v1", rowsPerRun)) {
            List<SimHost> hosts = sim.startMany("bench-ingest", agents, List.of());
            Await.until(
                    "agents announced",
                    Duration.ofSeconds(60),
                    () -> hosts.stream().allMatch(h -> sim.isAnnounced(h.hostId())));
            hub.post(
                    "/api/v1/subscriptions",
                    "{\"name\":\"bench socket events\",\"query\":\"" + QUERY + "\",\"intervalSeconds\":1,"
                            + "\"kind\":\"SOCKET_EVENTS\",\"updateType\":\"ADDED\"}");
            if (Await.settle(() -> (long) written(hub), 1, Duration.ofSeconds(60)) == 0) {
                BenchReport.skipped(
                        name,
                        TARGET,
                        String.format(
                                Locale.ROOT,
                                "no agent row reached the database in 60 s (%d rows sent; results dropped %.0f,"
                                        + " of which not wired to ingestion %.0f)",
                                sim.rowsSent(),
                                hub.counter("hub.results.dropped"),
                                hub.counter("hub.results.dropped", "reason", "no_ingest")));
                return;
            }
            Thread.sleep(2000);
            long t0 = System.nanoTime();
            double w0 = written(hub);
            long s0 = sim.rowsSent();
            Thread.sleep(measure.toMillis());
            long t1 = System.nanoTime();
            double w1 = written(hub);
            long s1 = sim.rowsSent();
            hosts.forEach(h -> sim.disconnect(h.hostId()));
            Thread.sleep(500);
            long sent = sim.rowsSent();
            long accounted = Await.settle(
                    () -> (long) (written(hub) + hub.counter("hub.ingest.events.dropped")),
                    sent,
                    Duration.ofSeconds(10));
            long dropped = (long) hub.counter("hub.ingest.events.dropped");
            long lost = sent - accounted;
            double seconds = (t1 - t0) / 1e9;
            double rate = (w1 - w0) / seconds;
            double offered = (s1 - s0) / seconds;
            System.out.printf(
                    Locale.ROOT,
                    "%s: offered %.0f rows/s, stored %.0f events/s; sent %d, stored %d, dropped %d, lost in transit %d%n",
                    db,
                    offered,
                    rate,
                    sent,
                    (long) written(hub),
                    dropped,
                    lost);
            double raw =
                    RawJdbcInsert.rowsPerSecond(hub.bean(DataSource.class), BenchReport.size(100_000, 300_000), 5000);
            BenchReport.figure(
                    String.format(
                            Locale.ROOT,
                            "%s (offered %,.0f rows/s; sent %,d = stored %,d + dropped %,d + lost %,d)",
                            name,
                            offered,
                            sent,
                            (long) written(hub),
                            dropped,
                            lost),
                    rate,
                    "events/s",
                    "raw JDBC batch insert of the same rows, same " + db + " table, batches of 5,000",
                    raw,
                    TARGET,
                    rate >= 50_000 && dropped == 0 && lost == 0);
        }
    }

    private static double written(BenchHub hub) {
        return hub.counter("hub.ingest.events.written");
    }
}
