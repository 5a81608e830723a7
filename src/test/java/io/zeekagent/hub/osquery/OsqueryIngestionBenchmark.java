package io.zeekagent.hub.osquery;

import io.zeekagent.hub.bench.BenchData;
import io.zeekagent.hub.bench.BenchHub;
import io.zeekagent.hub.bench.BenchReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * osquery socket_events ingestion through {@code POST /api/osquery/log} over TLS into PostgreSQL: enrolled simulated
 * hosts each send batches of 1,024 event-format result lines of the default osquery socket-event subscription
 * (osquery's {@code --logger_tls_max_lines} default), closed loop, a 503 answered by sending the batch again. The
 * figure is socket events committed per second ({@code hub.ingest.events.written}). Baseline in the same run and
 * hub: the same number of clients posting batches of 1,024 events to {@code POST /api/v1/socket-events}; the two
 * alternate over two rounds, each phase after a PostgreSQL checkpoint. {@code -Dbench.osquery.hosts=<n>} changes the
 * number of clients (8). Not a unit test; run by {@code bench/run.sh}.
 */
public final class OsqueryIngestionBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LINES = 1024;
    private static final int ROUNDS = 2;

    private OsqueryIngestionBenchmark() {}

    /** Runs the benchmark; exits the JVM when done. */
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
        int hosts = Integer.getInteger("bench.osquery.hosts", BenchReport.size(4, 8));
        long nanos = TimeUnit.SECONDS.toNanos(BenchReport.size(2, 20));
        String name = "osquery /api/osquery/log (TLS, batches of 1,024 socket_events lines) → PostgreSQL + index, "
                + hosts + " hosts";
        if (!BenchHub.postgresAnswers()) {
            BenchReport.skipped(name, "≥ 50,000 events/s", "PostgreSQL did not answer on 127.0.0.1:5432");
            return;
        }
        Path dir = Files.createTempDirectory("osquery-bench");
        Path keystore = OsqueryTestTls.keystore(dir);
        try (BenchHub hub = BenchHub.start(
                BenchHub.Database.POSTGRESQL,
                "--hub.osquery.enabled=true",
                "--hub.osquery.port=0",
                "--hub.osquery.tls.keystore=" + keystore,
                "--hub.osquery.tls.keystore-password=" + OsqueryTestTls.PASSWORD,
                "--hub.osquery.default-socket-events=true",
                "--hub.osquery.enroll-per-minute=100000")) {
            String secret = JSON.readTree(hub.post("/api/v1/osquery/enroll-secrets", "{\"name\":\"bench\"}"))
                    .get("secret")
                    .asString();
            URI base = URI.create(
                    "https://localhost:" + hub.bean(OsqueryServer.class).port());
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(OsqueryTestTls.trusting(keystore))
                    .build();
            BenchData data = new BenchData(hosts);
            List<byte[]> bodies = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int h = 0; h < hosts; h++) {
                OsquerySimulator sim = new OsquerySimulator(
                        base,
                        OsqueryTestTls.trusting(keystore),
                        "/api/osquery",
                        secret,
                        BenchData.hostId(h),
                        String.format(Locale.ROOT, "%016x", h));
                if (!sim.fetchConfig()) {
                    throw new IllegalStateException("host " + h + " got no config");
                }
                String query = sim.scheduledNames().stream()
                        .filter(n -> sim.lastConfig()
                                .path("schedule")
                                .path(n)
                                .path("query")
                                .asString()
                                .contains("socket_events"))
                        .findFirst()
                        .orElseThrow();
                keys.add(sim.nodeKey());
                bodies.add(batch(data, h, query));
            }
            LongSupplier written = () -> (long) hub.counter("hub.ingest.events.written");
            java.util.function.IntFunction<HttpRequest> osqueryLog =
                    i -> HttpRequest.newBuilder(base.resolve("/api/osquery/log"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "NodeKey " + keys.get(i))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)))
                            .build();
            List<byte[]> rest = new ArrayList<>();
            for (int h = 0; h < hosts; h++) {
                StringBuilder sb = new StringBuilder("[");
                for (int j = 0; j < LINES; j++) {
                    sb.append(j == 0 ? "" : ",").append(data.eventJson((long) j * hosts + h));
                }
                rest.add(sb.append(']').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            java.util.function.IntFunction<HttpRequest> restPost =
                    i -> HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/socket-events"))
                            .header("Content-Type", "application/json")
                            .header("X-API-Key", hub.adminKey())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(rest.get(i)))
                            .build();
            HttpClient plain = HttpClient.newHttpClient();
            // Both paths warmed up first, uncounted: the osquery phase used to run on a cold JIT while the
            // baseline, measured second, ran warm. JFR showed AES-GCM's GHASH in plain Java (C1 code of
            // GHASH.update inlining processBlocks without its CLMUL intrinsic) for ~20 s of osquery load on the busy
            // 2-core machine, ~40% of the request threads, and gone once C2 compiled the callers. A hub serves
            // osquery for days; the steady state is the figure. -Dbench.osquery.warmup=<s> overrides.
            long warm = TimeUnit.SECONDS.toNanos(Long.getLong("bench.osquery.warmup", BenchReport.size(3, 30)));
            BenchReport.phase("warm-up: both endpoints, " + TimeUnit.NANOSECONDS.toSeconds(warm) + " s each");
            run(hosts, warm, written, osqueryLog, client);
            run(hosts, warm, written, restPost, plain);
            // Two rounds, alternating, each phase after a checkpoint (BenchHub#checkpoint): the figure is the mean of
            // an endpoint's two phases, so neither side gets the quiet or the busy half of the server's WAL cycle.
            double osquery = 0;
            double baseline = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                hub.checkpoint();
                BenchReport.phase(hosts + " osquery hosts enrolled; measuring /api/osquery/log, round " + round);
                osquery += run(hosts, nanos, written, osqueryLog, client) / ROUNDS;
                hub.checkpoint();
                BenchReport.phase("baseline: POST /api/v1/socket-events, round " + round);
                baseline += run(hosts, nanos, written, restPost, plain) / ROUNDS;
            }
            BenchReport.figure(
                    name,
                    osquery,
                    "events/s",
                    "POST /api/v1/socket-events, batches of 1,024, same clients and hub",
                    baseline,
                    "≥ 50,000 events/s",
                    osquery >= 50_000);
            System.out.printf(
                    Locale.ROOT,
                    "dropped %.0f, deferred batches %.0f%n",
                    hub.counter("hub.ingest.events.dropped"),
                    hub.counter("hub.osquery.batches.deferred"));
        }
    }

    /** Closed loop from one thread per client; events committed per second over the run, drained. */
    private static double run(
            int clients,
            long nanos,
            LongSupplier written,
            java.util.function.IntFunction<HttpRequest> request,
            HttpClient client)
            throws Exception {
        long before = written.getAsLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<Long>> sent = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int c = i;
            sent.add(pool.submit(() -> {
                long accepted = 0;
                while (!stop.get()) {
                    HttpResponse<String> r = client.send(request.apply(c), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() / 100 == 2) {
                        accepted += LINES;
                    }
                }
                return accepted;
            }));
        }
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(nanos));
        stop.set(true);
        long total = 0;
        for (Future<Long> f : sent) {
            total += f.get();
        }
        pool.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (written.getAsLong() - before < total && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long stored = written.getAsLong() - before;
        double rate = stored * 1e9 / (System.nanoTime() - start);
        System.out.printf(Locale.ROOT, "%d accepted, %d stored, %.0f events/s%n", total, stored, rate);
        return rate;
    }

    /** 1,024 event-format lines of host {@code h} for the scheduled query {@code name}. */
    private static byte[] batch(BenchData data, int h, String name) {
        ObjectNode body = JSON.createObjectNode();
        body.put("log_type", "result");
        ArrayNode lines = body.putArray("data");
        for (int j = 0; j < LINES; j++) {
            long e = (long) j * data.hosts() + h;
            Map<String, String> row = new LinkedHashMap<>(OsquerySimulator.socketEvent(
                    data.syscall(e),
                    data.pid(e),
                    "a",
                    data.exe(e),
                    2,
                    data.localAddress(e),
                    data.localPort(e),
                    data.remoteAddress(e),
                    data.remotePort(e),
                    "succeeded",
                    data.time(e)));
            lines.add(OsquerySimulator.eventLine(name, BenchData.hostId(h), j, row, "added"));
        }
        return JSON.writeValueAsBytes(body);
    }
}
