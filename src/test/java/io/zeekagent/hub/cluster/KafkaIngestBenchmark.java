package io.zeekagent.hub.cluster;

import io.zeekagent.hub.bench.BenchReport;
import io.zeekagent.hub.support.PostgresTestDatabase;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Issue 21's stream figures: REST socket-event ingestion stored in PostgreSQL through Kafka (one replica, two
 * replicas) against a single node writing PostgreSQL directly, all measured in this run on fresh schemas; CPU
 * seconds per event of each hub JVM (from /proc) and of this JVM (the in-process KRaft broker plus the load
 * client); and the failover time of the index partitions after {@code kill -9} of one of two replicas.
 *
 * <p>Load: {@code THREADS} clients post batches of 1,000 events of 2,000 hosts round-robin to the replicas; a figure is
 * events / seconds until every event is in {@code socket_events}.
 */
public final class KafkaIngestBenchmark {

    private static final int THREADS = 4;
    private static final int BATCH = 1_000;
    private static final int HOSTS = 2_000;
    private static final int PARTITIONS = 12;

    private KafkaIngestBenchmark() {}

    record Result(double eventsPerSecond, double hubCpu, double localCpu, int events) {}

    public static void main(String[] args) throws Exception {
        int warm = BenchReport.size(20_000, 150_000);
        int events = BenchReport.size(100_000, 600_000);
        Path dir = Files.createDirectories(Path.of("target", "kafka-bench", Long.toString(System.currentTimeMillis())));
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.afterPropertiesSet();
        String kafka = broker.getBrokersAsString();
        try {
            BenchReport.phase("single node, PostgreSQL");
            Result single = run(dir, kafka, 0, warm, events);
            BenchReport.phase("one replica through Kafka");
            Result one = run(dir, kafka, 1, warm, events);
            BenchReport.phase("two replicas through Kafka");
            Result two = run(dir, kafka, 2, warm, events);

            BenchReport.info(
                    "REST ingestion → PostgreSQL, single node (engine=embedded), " + THREADS + " clients × batches of "
                            + BATCH,
                    single.eventsPerSecond(),
                    "events/s",
                    "-",
                    Double.NaN);
            report("1 replica", one, one, single);
            report("2 replicas", two, one, single);
        } finally {
            broker.destroy();
        }
    }

    private static void report(String what, Result r, Result one, Result single) {
        BenchReport.info(
                "REST ingestion → Kafka → store group → PostgreSQL, " + what,
                r.eventsPerSecond(),
                "events/s",
                "single node → PostgreSQL, same run",
                single.eventsPerSecond());
        double perCore = r.events() / r.hubCpu();
        double singlePerCore = single.events() / single.hubCpu();
        String name = "events per hub CPU-second, " + what + " through Kafka (replica JVMs only; broker and load client"
                + " excluded: " + String.format("%.1f", r.localCpu()) + " CPU-s in the broker+client JVM)";
        if (r == one) {
            BenchReport.figure(
                    name,
                    perCore,
                    "events/CPU-s",
                    "single node → PostgreSQL, same run",
                    singlePerCore,
                    "≥ 0.6 × single node per core (issue 21)",
                    perCore >= 0.6 * singlePerCore);
        } else {
            // Issue 21: two replicas on one 2-core machine share its cores and "will not be faster than one"; their
            // figure is the scaling cost, measured and reported, while the target is the one replica's above.
            BenchReport.info(
                    name + ": the scaling cost on shared cores",
                    perCore,
                    "events/CPU-s",
                    "single node → PostgreSQL, same run",
                    singlePerCore);
        }
        BenchReport.info(
                "events per CPU-second, " + what + " through Kafka, broker+client JVM included",
                r.events() / (r.hubCpu() + r.localCpu()),
                "events/CPU-s",
                "single node → PostgreSQL (client JVM included), same run",
                single.events() / (single.hubCpu() + single.localCpu()));
    }

    /** replicas 0: one single node; else that many replicas on the broker. */
    private static Result run(Path dir, String kafka, int replicas, int warm, int events) throws Exception {
        String schema = PostgresTestDatabase.createSchema();
        String url = "jdbc:postgresql://" + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT + "/"
                + PostgresTestDatabase.DATABASE + "?currentSchema=" + schema;
        String[] args = {
            "--hub.cluster.kafka.topic=bench-" + schema,
            "--hub.cluster.kafka.partitions=" + PARTITIONS,
            "--hub.cluster.kafka.store-group=store-" + schema,
            "--hub.cluster.kafka.index-group=index-" + schema,
            "--hub.cluster.kafka.properties.session.timeout.ms=6000",
            "--hub.cluster.kafka.properties.heartbeat.interval.ms=1000",
            "--hub.cluster.heartbeat=1s",
            "--hub.cluster.lease=4s",
            "--logging.level.org.apache.kafka=WARN"
        };
        List<ReplicaProcess> hubs = new ArrayList<>();
        try {
            if (replicas == 0) {
                hubs.add(ReplicaProcess.startSingleNode("single-" + schema, dir, url, schema, args));
            } else {
                for (int i = 0; i < replicas; i++) {
                    hubs.add(ReplicaProcess.startOnKafka("r" + i + "-" + schema, dir, url, schema, kafka, args));
                }
            }
            for (ReplicaProcess hub : hubs) {
                hub.awaitUp();
            }
            if (replicas > 0) {
                awaitPartitions(url, replicas);
            }
            // Every JVM gets the same warm-up (posts go round-robin), so that no replica is still compiling its
            // ingest path while the others are measured: steady state against steady state.
            int warmed = warm * Math.max(1, replicas);
            load(hubs, warmed, 0);
            awaitStored(url, warmed);
            double hubCpu0 =
                    hubs.stream().mapToDouble(ReplicaProcess::cpuSeconds).sum();
            double local0 = localCpu();
            long started = System.nanoTime();
            load(hubs, events, warmed);
            awaitStored(url, warmed + events);
            double seconds = (System.nanoTime() - started) / 1e9;
            double hubCpu =
                    hubs.stream().mapToDouble(ReplicaProcess::cpuSeconds).sum() - hubCpu0;
            double local = localCpu() - local0;
            System.out.printf(
                    "[kafka-bench] replicas=%d events=%d seconds=%.2f hubCpu=%.1f localCpu=%.1f load=%s%n",
                    replicas,
                    events,
                    seconds,
                    hubCpu,
                    local,
                    Files.readString(Path.of("/proc/loadavg")).trim());
            if (replicas == 2) {
                failover(url, hubs);
            }
            return new Result(events / seconds, hubCpu, local, events);
        } finally {
            hubs.forEach(ReplicaProcess::close);
            PostgresTestDatabase.dropSchema(schema);
        }
    }

    private static void failover(String url, List<ReplicaProcess> hubs) throws Exception {
        long killed = System.nanoTime();
        hubs.get(1).kill();
        String survivor = "r0-";
        while (true) {
            Map<Integer, String> owners = owners(url);
            if (owners.size() == PARTITIONS && owners.values().stream().allMatch(r -> r.startsWith(survivor))) {
                break;
            }
            if (System.nanoTime() - killed > 120_000_000_000L) {
                throw new IllegalStateException("partitions not re-held within 120 s: " + owners);
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - killed) / 1e9;
        BenchReport.figure(
                "failover: kill -9 of one of two replicas → all index partitions held and replayed by the survivor"
                        + " (session.timeout.ms=6000)",
                seconds,
                "s",
                "-",
                Double.NaN,
                "≤ 30 s (issue 21)",
                seconds <= 30);
    }

    private static void load(List<ReplicaProcess> hubs, int events, int offset) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        int batches = events / BATCH;
        long now = System.currentTimeMillis() / 1000;
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(clients.submit(() -> {
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    StringBuilder json = new StringBuilder(BATCH * 160).append('[');
                    for (int i = 0; i < BATCH; i++) {
                        int n = offset + b * BATCH + i;
                        if (i > 0) {
                            json.append(',');
                        }
                        json.append("{\"hostId\":\"bh-")
                                .append(n % HOSTS)
                                .append("\",\"syscall\":\"connect\",\"pid\":")
                                .append(n % 30_000)
                                .append(",\"exe\":\"/usr/bin/curl\",\"protocol\":\"tcp\",\"remoteAddress\":\"10.")
                                .append((n >> 16) & 255)
                                .append('.')
                                .append((n >> 8) & 255)
                                .append('.')
                                .append(n & 255)
                                .append("\",\"remotePort\":443,\"localPort\":")
                                .append(1024 + n % 60_000)
                                .append(",\"time\":")
                                .append(now)
                                .append('}');
                    }
                    json.append(']');
                    ReplicaProcess.Response r =
                            hubs.get(b % hubs.size()).post("/api/v1/socket-events", json.toString());
                    if (r.status() != 201) {
                        throw new IllegalStateException(r.status() + " " + r.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
    }

    private static void awaitStored(String url, long expected) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (count(url) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stored " + count(url) + " of " + expected + " within 300 s");
            }
            Thread.sleep(50);
        }
    }

    private static void awaitPartitions(String url, int replicas) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            Map<Integer, String> owners = owners(url);
            if (owners.size() == PARTITIONS
                    && owners.values().stream().distinct().count() == replicas) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions not held within 120 s: " + owners);
            }
            Thread.sleep(200);
        }
    }

    private static long count(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, PostgresTestDatabase.USER, "");
                ResultSet rs = c.createStatement().executeQuery("select count(*) from socket_events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Ready rows of index_partitions: partition → replica. */
    private static Map<Integer, String> owners(String url) throws Exception {
        Map<Integer, String> out = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(url, PostgresTestDatabase.USER, "");
                ResultSet rs = c.createStatement()
                        .executeQuery("select partition, replica_id from index_partitions where ready")) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getString(2));
            }
        }
        return out;
    }

    private static double localCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }
}
