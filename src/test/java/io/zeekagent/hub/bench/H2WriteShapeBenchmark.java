package io.zeekagent.hub.bench;

import io.zeekagent.hub.attribution.Seuid;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * Same-run A/B of write shapes and H2 settings for the socket-event insert (issue 18): each variant inserts the same
 * generated rows into a fresh H2 file database migrated like the hub's ({@code WRITE_DELAY=0}, one commit per
 * batch), in alternating rounds so that drift of the machine hits every variant alike. Prints rows/s and rows per
 * CPU-second of the whole process (H2 runs embedded; its background writer thread is included). Not a unit test:
 * {@code java -cp … io.zeekagent.hub.bench.H2WriteShapeBenchmark [rows] [rounds] [variant,…|all]}; without arguments
 * (bench/run.sh) four shapes at a size that ranks them, printed as informational figures.
 */
public final class H2WriteShapeBenchmark {

    private static final String COLUMNS = "seuid, host_id, syscall, pid, fd, exe, uid, success, family, protocol,"
            + " local_address, local_port, remote_address, remote_port, event_time, received_at";
    private static final String[] EXES = {"/usr/bin/curl", "/usr/sbin/sshd", "/usr/bin/python3", "/usr/sbin/nginx"};

    /** One way of writing: URL suffix, statements run after migrating, rows per commit, rows per INSERT. */
    record Variant(String urlOptions, List<String> setup, int batch, int rowsPerStatement) {}

    static final Map<String, Variant> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("base", new Variant("", List.of(), 5000, 1));
        VARIANTS.put("batch20k", new Variant("", List.of(), 20_000, 1));
        VARIANTS.put("batch1k", new Variant("", List.of(), 1000, 1));
        VARIANTS.put("multirow50", new Variant("", List.of(), 5000, 50));
        VARIANTS.put("multirow10", new Variant("", List.of(), 5000, 10));
        VARIANTS.put("multirow200", new Variant("", List.of(), 5000, 200));
        VARIANTS.put("multirow50-20k", new Variant("", List.of(), 20_000, 50));
        VARIANTS.put("cache256m", new Variant(";CACHE_SIZE=262144", List.of(), 5000, 1));
        VARIANTS.put("page16k", new Variant(";PAGE_SIZE=16384", List.of(), 5000, 1));
        VARIANTS.put("retention0", new Variant(";RETENTION_TIME=0", List.of(), 5000, 1));
        VARIANTS.put("no-remote-idx", new Variant("", List.of("DROP INDEX socket_events_remote_address_idx"), 5000, 1));
        VARIANTS.put("no-host-idx", new Variant("", List.of("DROP INDEX socket_events_host_id_idx"), 5000, 1));
        VARIANTS.put(
                "no-seuid-uk",
                new Variant("", List.of("ALTER TABLE socket_events DROP CONSTRAINT socket_events_seuid_uk"), 5000, 1));
    }

    private H2WriteShapeBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("query")) {
            queryCost(Integer.parseInt(args[1]));
            return;
        }
        // bench/run.sh passes no arguments: 100,000 rows and 2 rounds there (quick: 20,000 and 1), enough to rank the
        // shapes; the A/B runs quoted in BENCHMARKS.md passed their own sizes.
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : BenchReport.size(20_000, 100_000);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : BenchReport.size(1, 2);
        // Without a list: the shapes behind the decisions in BENCHMARKS.md ("all" runs every variant).
        List<String> names = args.length <= 2
                ? List.of("base", "multirow50", "no-remote-idx", "no-host-idx")
                : args[2].equals("all") ? List.copyOf(VARIANTS.keySet()) : List.of(args[2].split(","));
        List<Row> data = rows(rows);
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String name : names) {
                double[] r = run(VARIANTS.get(name), data);
                results.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
                System.out.printf(
                        Locale.ROOT, "round %d %-14s %,9.0f rows/s %,9.0f rows/cpu-s%n", round, name, r[0], r[1]);
            }
        }
        System.out.println("median over rounds (the first round included: every variant pays its JIT share)");
        double base = results.containsKey("base") ? median(results.get("base")) : Double.NaN;
        for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
            // Informational figures (no target): which write shape or setting moves H2's raw insert rate.
            BenchReport.info(
                    "H2 raw insert into socket_events, write shape \"" + e.getKey() + "\" (" + rows
                            + " rows, median of " + rounds + " round(s); see H2WriteShapeBenchmark)",
                    median(e.getValue()),
                    "rows/s",
                    "shape \"base\" (addBatch of 5,000, all indexes), same run",
                    base);
        }
    }

    /** The median insert rate of a variant's rounds. */
    private static double median(List<double[]> rounds) {
        double[] rate = rounds.stream().mapToDouble(r -> r[0]).sorted().toArray();
        return rate.length % 2 == 1 ? rate[rate.length / 2] : (rate[rate.length / 2 - 1] + rate[rate.length / 2]) / 2;
    }

    record Row(
            String host,
            boolean connect,
            long pid,
            long fd,
            String exe,
            long uid,
            String remote,
            int remotePort,
            String local,
            int localPort,
            Instant time,
            Instant received) {}

    static List<Row> rows(int n) {
        Random r = new Random(42);
        Instant now = Instant.now();
        List<Row> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean connect = r.nextInt(4) != 0;
            int host = r.nextInt(100);
            out.add(new Row(
                    "bench-ingest-" + (host / 10) + "-" + host,
                    connect,
                    1000 + r.nextInt(30000),
                    3 + r.nextInt(20),
                    EXES[r.nextInt(EXES.length)],
                    r.nextBoolean() ? 0 : 1000,
                    connect ? "198.51.100." + (1 + r.nextInt(254)) : "",
                    connect ? (r.nextBoolean() ? 443 : 80) : 0,
                    connect ? "" : "10.0.0." + (1 + host),
                    connect ? 0 : 8080,
                    now.plusSeconds(i / 50_000).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    now.plusNanos(i * 12_345L).truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        }
        return out;
    }

    /**
     * What the remote-address index buys the REST investigation reads on H2 ({@code SocketEventSearch}: the event
     * list filtered by remote address, its count, the IOC sweep's grouping): milliseconds per query over {@code n}
     * rows with the index, then after dropping it.
     */
    static void queryCost(int n) throws Exception {
        Path dir = Files.createTempDirectory("h2-query");
        String url = "jdbc:h2:file:" + dir.resolve("hub") + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load()
                .migrate();
        String time = "COALESCE(event_time, received_at)";
        String[] queries = {
            "SELECT " + COLUMNS + " FROM socket_events WHERE remote_address IN (?) ORDER BY id LIMIT 100 OFFSET 0",
            "SELECT COUNT(*) FROM socket_events WHERE remote_address IN (?)",
            "SELECT host_id, pid, exe, MIN(uid) AS uid, MIN(" + time + ") AS first_seen, MAX(" + time
                    + ") AS last_seen,"
                    + " COUNT(*) AS events FROM socket_events WHERE remote_address IN (?)"
                    + " GROUP BY host_id, pid, exe ORDER BY host_id, pid, exe LIMIT 100 OFFSET 0"
        };
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            insert(c, VARIANTS.get("base"), rows(n));
            c.setAutoCommit(true);
            for (String phase : new String[] {"with the index", "without it"}) {
                if (phase.equals("without it")) {
                    try (Statement s = c.createStatement()) {
                        s.execute("DROP INDEX socket_events_remote_address_idx");
                    }
                }
                for (String q : queries) {
                    try (PreparedStatement ps = c.prepareStatement(q)) {
                        long t0 = 0;
                        int runs = 20;
                        for (int i = -3; i < runs; i++) {
                            if (i == 0) {
                                t0 = System.nanoTime();
                            }
                            ps.setString(1, "198.51.100." + (1 + (i + 3) % 254));
                            try (var rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    rs.getObject(1);
                                }
                            }
                        }
                        System.out.printf(
                                Locale.ROOT,
                                "BENCH-H2-QUERY|%,d rows|%s|%.2f ms|%s%n",
                                n,
                                phase,
                                (System.nanoTime() - t0) / 1e6 / runs,
                                q.substring(0, Math.min(90, q.length())));
                    }
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Rows per second and per process CPU-second of one insert of {@code data} into a fresh database. */
    static double[] run(Variant v, List<Row> data) throws Exception {
        Path dir = Files.createTempDirectory("h2-shape");
        String url = "jdbc:h2:file:" + dir.resolve("hub") + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
                + v.urlOptions();
        try {
            Flyway.configure()
                    .dataSource(url, "sa", "")
                    .locations("classpath:db/migration", "classpath:db/vendor/h2")
                    .load()
                    .migrate();
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                try (Statement s = c.createStatement()) {
                    for (String sql : v.setup()) {
                        s.execute(sql);
                    }
                }
                System.gc();
                long cpu = processCpu();
                long t0 = System.nanoTime();
                insert(c, v, data);
                long wall = System.nanoTime() - t0;
                long used = processCpu() - cpu;
                return new double[] {data.size() * 1e9 / wall, data.size() * 1e9 / used};
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void insert(Connection c, Variant v, List<Row> data) throws SQLException {
        c.setAutoCommit(false);
        int per = v.rowsPerStatement();
        StringBuilder sql = new StringBuilder("INSERT INTO socket_events (" + COLUMNS + ") VALUES ");
        for (int i = 0; i < per; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int inBatch = 0;
            for (int i = 0; i + per <= data.size(); i += per) {
                for (int j = 0; j < per; j++) {
                    bind(ps, j * 16, data.get(i + j));
                }
                if (per == 1) {
                    ps.addBatch();
                } else {
                    ps.executeUpdate();
                }
                inBatch += per;
                if (inBatch >= v.batch()) {
                    if (per == 1) {
                        ps.executeBatch();
                    }
                    c.commit();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                if (per == 1) {
                    ps.executeBatch();
                }
                c.commit();
            }
        }
    }

    private static void bind(PreparedStatement ps, int o, Row r) throws SQLException {
        ps.setString(o + 1, Seuid.next());
        ps.setString(o + 2, r.host());
        ps.setString(o + 3, r.connect() ? "connect" : "bind");
        ps.setLong(o + 4, r.pid());
        ps.setLong(o + 5, r.fd());
        ps.setString(o + 6, r.exe());
        ps.setLong(o + 7, r.uid());
        ps.setBoolean(o + 8, true);
        ps.setInt(o + 9, 2);
        ps.setString(o + 10, "tcp");
        ps.setString(o + 11, r.local());
        ps.setInt(o + 12, r.localPort());
        ps.setString(o + 13, r.remote());
        ps.setInt(o + 14, r.remotePort());
        ps.setObject(o + 15, r.time().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(o + 16, r.received().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
