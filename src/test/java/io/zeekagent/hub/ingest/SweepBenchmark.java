package io.zeekagent.hub.ingest;

import io.zeekagent.hub.attribution.Seuid;
import io.zeekagent.hub.bench.BenchReport;
import io.zeekagent.hub.support.PostgresTestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The IOC sweep on PostgreSQL: {@code GET /api/v1/contacts} (the grouped read plus its count) and the first page of
 * {@code GET /api/v1/socket-events?remoteAddress=}, over 1,000,000 stored events (250,000 quick) spread over 10,000
 * hosts and 50,000 remote addresses, for an address with ~20 events and one with 10,000. Median of 50 sweeps each.
 * Baseline: the same sweep without the V12 index (a full scan).
 *
 * <p>Run: {@code bench/run.sh} (BENCH_ONLY=Sweep), or {@code java -Dbench.mode=full -cp ...
 * io.zeekagent.hub.ingest.SweepBenchmark}.
 */
public final class SweepBenchmark {

    private static final String TARGET = "< 200 ms over 1,000,000 events (issue 17)";
    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    private SweepBenchmark() {}

    public static void main(String[] args) {
        int events = BenchReport.size(250_000, 1_000_000);
        String name = "IOC sweep over " + String.format("%,d", events) + " events, PostgreSQL (ms, median)";
        if (!PostgresTestDatabase.isAvailable()) {
            BenchReport.skipped(name, TARGET, "PostgreSQL did not answer on 127.0.0.1:5432");
            return;
        }
        String schema = PostgresTestDatabase.createSchema();
        try {
            DriverManagerDataSource ds = new DriverManagerDataSource(
                    "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema, "postgres", "");
            Flyway.configure().dataSource(ds).schemas(schema).load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            SocketEventStore store = new SocketEventStore(jdbc);
            SocketEventSearch search = new SocketEventSearch(jdbc);
            BenchReport.phase("storing " + events + " events");
            fill(store, events);
            jdbc.execute("ANALYZE socket_events");
            BenchReport.phase("sweeping");
            List<String> rare = SocketEventFilter.addressForms("203.0.113.7", "address");
            List<String> popular = SocketEventFilter.addressForms("198.51.100.1", "address");
            double rareMs = median(() -> sweep(search, rare));
            double popularMs = median(() -> sweep(search, popular));
            double pageMs = median(() ->
                    search.page(new SocketEventFilter(null, null, null, popular, null, List.of(), null, null), 0, 20));
            jdbc.execute("DROP INDEX socket_events_remote_address_idx");
            double scanMs = median(() -> sweep(search, rare));
            BenchReport.figure(
                    name + ", address with ~20 events",
                    rareMs,
                    "ms",
                    "full scan (no index)",
                    scanMs,
                    TARGET,
                    rareMs < 200);
            BenchReport.figure(
                    name + ", address with 10,000 events",
                    popularMs,
                    "ms",
                    "full scan (no index)",
                    scanMs,
                    TARGET,
                    popularMs < 200);
            BenchReport.info(
                    "socket-event page by remoteAddress (10,000 matches), PostgreSQL", pageMs, "ms", "-", Double.NaN);
        } finally {
            PostgresTestDatabase.dropSchema(schema);
        }
    }

    private static void sweep(SocketEventSearch search, List<String> address) {
        search.contacts(address, T0, T0.plusSeconds(86_400), 0, 20);
        search.countContacts(address, T0, T0.plusSeconds(86_400));
    }

    private static void fill(SocketEventStore store, int events) {
        Random random = new Random(17);
        List<StoredSocketEvent> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String remote = i % 100 == 0 && i / 100 < 10_000
                    ? "198.51.100.1"
                    : i == events / 2
                            ? "203.0.113.7"
                            : "10." + (random.nextInt(50_000) >> 8) + "." + (random.nextInt(256)) + ".1";
            if (i % 50_000 == 7) {
                remote = "203.0.113.7";
            }
            int host = random.nextInt(10_000);
            Instant time = T0.plusMillis(random.nextInt(86_400_000));
            batch.add(new StoredSocketEvent(
                    Seuid.next(),
                    new SocketEventInput(
                            "host-" + host,
                            "connect",
                            (long) (1000 + random.nextInt(50)),
                            3L,
                            "/usr/bin/app" + random.nextInt(20),
                            1000L,
                            true,
                            2,
                            "tcp",
                            "192.168." + (host >> 8) + "." + (host & 255),
                            30000 + random.nextInt(30000),
                            remote,
                            443,
                            time),
                    time));
            if (batch.size() == 20_000) {
                store.insert(batch);
                batch.clear();
            }
        }
        store.insert(batch);
    }

    private static double median(Runnable sweep) {
        for (int i = 0; i < 5; i++) {
            sweep.run();
        }
        double[] ms = new double[50];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            sweep.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
