package io.zeekagent.hub.bench;

import io.zeekagent.hub.attribution.AttributionService;
import io.zeekagent.hub.attribution.Seuid;
import io.zeekagent.hub.attribution.SocketEventEntry;
import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.host.HostAddressesChanged;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attribution's cold tier on PostgreSQL (issue 16): a hub whose memory holds 90% of the events received over the last
 * hour ({@code max-events} = 0.9 N), the oldest 10% only in the database. Measures single-record REST attribution
 * that needs the database against records memory answers, and NDJSON batch enrichment of which 10% of the lines need
 * the database against the same log answered from memory. Events are written with COPY and indexed in process
 * before the clock starts. Not a unit test.
 */
public final class ColdTierBenchmark {

    private static final int HOSTS = 10_000;

    private ColdTierBenchmark() {}

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
        if (!BenchHub.postgresAnswers()) {
            BenchReport.skipped("cold-tier attribution on PostgreSQL", "≥ 5,000 requests/s", "no PostgreSQL");
            return;
        }
        int events = BenchReport.size(100_000, 1_000_000);
        int lines = BenchReport.size(100_000, 1_000_000);
        int cold = events / 10;
        // -Dbench.warmup=seconds: a longer warm-up (the cold path is JIT-compiled at its own, lower rate).
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", BenchReport.size(2, 20)));
        Duration measure = Duration.ofSeconds(BenchReport.size(3, 10));
        BenchData data = new BenchData(HOSTS);
        long start = Instant.now().getEpochSecond() - 3600;
        try (BenchHub hub = BenchHub.start(
                BenchHub.Database.POSTGRESQL,
                "--hub.attribution.max-events=" + (events - cold),
                "--hub.attribution.cold.clock-skew=0s")) {
            load(hub, data, events, start);
            HttpLoad load = new HttpLoad(hub.adminKey(), 16);
            String url = hub.baseUrl() + "/api/v1/attributions";
            String coldRecord = connJson(data, BenchData.connectFor(cold / 2, cold), start, events);
            String hotRecord = connJson(data, events - 10 - (events - 10) % 8 + 6, start, events);
            String coldAnswer = hub.post("/api/v1/attributions", coldRecord);
            String hotAnswer = hub.post("/api/v1/attributions", hotRecord);
            System.out.println("cold: " + coldAnswer + "\nhot: " + hotAnswer);
            boolean honest = coldAnswer.contains("\"tier\":\"database\"") && hotAnswer.contains("\"tier\":\"memory\"");
            load.run(url, coldRecord, Duration.ZERO, warmup);
            load.run(url, hotRecord, Duration.ZERO, warmup);
            double statements = hub.functionCounter("hub.attribution.cold.statements");
            double probes = hub.functionCounter("hub.attribution.cold.probes");
            CpuSplit cpu = CpuSplit.start();
            jdk.jfr.Recording jfr = profile();
            HttpLoad.Result coldRate = load.run(url, coldRecord, Duration.ZERO, measure);
            if (jfr != null) {
                jfr.stop();
                jfr.close();
            }
            System.out.println("cold phase: " + cpu.stop(coldRate.ok()) + ", "
                    + String.format(
                            Locale.ROOT,
                            "%.2f probes per statement",
                            (hub.functionCounter("hub.attribution.cold.probes") - probes)
                                    / Math.max(
                                            1, hub.functionCounter("hub.attribution.cold.statements") - statements)));
            CpuSplit hotCpu = CpuSplit.start();
            HttpLoad.Result hotRate = load.run(url, hotRecord, Duration.ZERO, measure);
            System.out.println("hot phase: " + hotCpu.stop(hotRate.ok()));
            BenchReport.figure(
                    "REST single-record attribution needing the database, PostgreSQL (" + coldRate.client()
                            + ", 16 connections, " + events + " events, memory holds 90%)",
                    coldRate.perSecond(),
                    "requests/s",
                    "the same answered from memory, same run",
                    hotRate.perSecond(),
                    "≥ 5,000 requests/s (issue 16)",
                    coldRate.perSecond() >= 5_000 && coldRate.failed() == 0 && honest);

            byte[] mixed = log(data, events, cold, lines, true, start);
            byte[] hot = log(data, events, cold, lines, false, start);
            HttpAttributionBenchmark.stream(
                    hub, "/api/v1/attributions/batch", log(data, events, cold, lines / 5, true, start));
            double mixedRate = HttpAttributionBenchmark.stream(hub, "/api/v1/attributions/batch", mixed);
            double hotBatch = HttpAttributionBenchmark.stream(hub, "/api/v1/attributions/batch", hot);
            BenchReport.figure(
                    "batch enrichment over HTTP, NDJSON, 10% of the lines need the database, PostgreSQL (" + lines
                            + " lines, 1 upload)",
                    mixedRate,
                    "lines/s",
                    "the same number of lines all answered from memory, same run",
                    hotBatch,
                    "≥ 100,000 lines/s (issue 16)",
                    mixedRate >= 100_000);
        }
    }

    /** With {@code -Dbench.jfr=file}: a JFR profile of the cold REST phase only. */
    private static jdk.jfr.@org.jspecify.annotations.Nullable Recording profile() throws Exception {
        String file = System.getProperty("bench.jfr");
        if (file == null) {
            return null;
        }
        jdk.jfr.Recording r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
        r.enable("jdk.CPUTimeSample");
        r.setDestination(java.nio.file.Path.of(file));
        r.start();
        return r;
    }

    /** Event {@code i}'s time (and receipt): spread evenly over the hour from {@code start}. */
    private static long millis(long i, long start, int events) {
        return start * 1000 + i * 3_600_000L / events;
    }

    private static String connJson(BenchData data, long i, long start, int events) {
        long ms = millis(i, start, events);
        return String.format(
                Locale.ROOT,
                "{\"ts\":%d.%03d,\"uid\":\"C%016x\",\"id.orig_h\":\"%s\",\"id.orig_p\":%d,\"id.resp_h\":\"%s\","
                        + "\"id.resp_p\":%d,\"proto\":\"tcp\",\"service\":\"ssl\",\"duration\":0.5,"
                        + "\"conn_state\":\"SF\"}",
                ms / 1000,
                ms % 1000,
                i,
                data.localAddress(i),
                data.localPort(i),
                data.remoteAddress(i),
                data.remotePort(i));
    }

    /** Connection records; with {@code mixed} every tenth is about an event only the database holds. */
    private static byte[] log(BenchData data, int events, int cold, int lines, boolean mixed, long start) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines * 240);
        int hotSpan = events - cold - events / 50;
        for (int k = 0; k < lines; k++) {
            long i = mixed && k % 10 == 0
                    ? BenchData.connectFor(k, cold)
                    : events - hotSpan + BenchData.connectFor(k, hotSpan);
            if (i % 8 == 7) {
                i--;
            }
            out.writeBytes(connJson(data, i, start, events).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** Hosts, then every event COPY'd into socket_events and indexed in receipt order: setup, not measured. */
    private static void load(BenchHub hub, BenchData data, int events, long start) {
        BenchReport.phase("loading " + events + " events");
        for (int h = 0; h < HOSTS; h++) {
            hub.publishEvent(new HostAddressesChanged(
                    new HostAddresses(BenchData.hostId(h), "h" + h, Set.of(BenchData.address(h))), false));
        }
        AttributionService attribution = hub.bean(AttributionService.class);
        JdbcTemplate jdbc = hub.bean(JdbcTemplate.class);
        List<SocketEventEntry> batch = new ArrayList<>(10_000);
        for (long i = 0; i < events; i++) {
            Instant at = Instant.ofEpochMilli(millis(i, start, events));
            batch.add(new SocketEventEntry(
                    Seuid.next(),
                    BenchData.hostId(data.host(i)),
                    data.syscall(i),
                    data.pid(i),
                    data.exe(i),
                    1000L,
                    "tcp",
                    data.localAddress(i),
                    data.localPort(i),
                    data.remoteAddress(i),
                    data.remotePort(i),
                    at,
                    at));
            if (batch.size() == 10_000 || i == events - 1) {
                copy(jdbc, batch);
                attribution.index(batch);
                batch = new ArrayList<>(10_000);
            }
        }
        jdbc.execute("ANALYZE socket_events");
        BenchReport.phase("loaded");
    }

    private static void copy(JdbcTemplate jdbc, List<SocketEventEntry> batch) {
        StringBuilder text = new StringBuilder(batch.size() * 160);
        for (SocketEventEntry e : batch) {
            text.append(e.seuid())
                    .append('\t')
                    .append(e.hostId())
                    .append('\t')
                    .append(e.syscall())
                    .append('\t');
            text.append(e.pid())
                    .append('\t')
                    .append(e.exe())
                    .append('\t')
                    .append(e.uid())
                    .append("\ttcp\t");
            text.append(e.localAddress()).append('\t').append(e.localPort()).append('\t');
            text.append(e.remoteAddress()).append('\t').append(e.remotePort()).append('\t');
            text.append(e.time()).append('\t').append(e.receivedAt()).append('\n');
        }
        jdbc.execute((ConnectionCallback<Long>) c -> {
            try {
                return c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "COPY socket_events (seuid, host_id, syscall, pid, exe, uid, protocol, local_address,"
                                        + " local_port, remote_address, remote_port, event_time, received_at)"
                                        + " FROM STDIN",
                                new StringReader(text.toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
