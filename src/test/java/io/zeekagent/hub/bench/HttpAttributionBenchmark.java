package io.zeekagent.hub.bench;

import io.zeekagent.hub.attribution.AttributionService;
import io.zeekagent.hub.attribution.Seuid;
import io.zeekagent.hub.attribution.SocketEventEntry;
import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.host.HostAddressesChanged;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Attribution over HTTP on loopback against a whole hub (issue 6): REST single-record attribution against a trivial
 * endpoint of the same app under the same load client, and conn.log batch enrichment (NDJSON) against an endpoint
 * that echoes the same bytes (uploaded with curl). The index holds events over 10,000 hosts (200,000 quick, 1,000,000 full), loaded in
 * process before the clock starts. Not a unit test.
 */
public final class HttpAttributionBenchmark {

    private static final int HOSTS = 10_000;
    private static final int ROUNDS = 2;

    private HttpAttributionBenchmark() {}

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
        int events = BenchReport.size(200_000, 1_000_000);
        int lines = BenchReport.size(100_000, 1_000_000);
        Duration warmup = Duration.ofSeconds(BenchReport.size(2, 10));
        Duration measure = Duration.ofSeconds(BenchReport.size(2, 10));
        BenchData data = new BenchData(HOSTS);
        try (BenchHub hub = BenchHub.start(BenchHub.Database.H2)) {
            load(hub, data, events);
            int connections = 16;
            HttpLoad load = new HttpLoad(hub.adminKey(), connections);
            String record = data.connJson(BenchData.connectFor(1, events), 1);
            String attributionUrl = hub.baseUrl() + "/api/v1/attributions";
            String pingUrl = hub.baseUrl() + "/bench/ping";
            // Both endpoints are warmed before either is measured (measuring the first one while the JIT still
            // compiles the shared filter chain penalised it), then measured in alternating rounds so that a change
            // in the machine's load hits both alike.
            load.run(attributionUrl, record, Duration.ZERO, warmup);
            load.run(pingUrl, record, Duration.ZERO, warmup);
            HttpLoad.Result attribution = null;
            HttpLoad.Result ping = null;
            for (int round = 0; round < ROUNDS; round++) {
                attribution =
                        HttpLoad.Result.sum(attribution, load.run(attributionUrl, record, Duration.ZERO, measure));
                ping = HttpLoad.Result.sum(ping, load.run(pingUrl, record, Duration.ZERO, measure));
            }
            System.out.println("attribution " + attribution + ", ping " + ping);
            double ratio = attribution.perSecond() / ping.perSecond();
            BenchReport.figure(
                    "REST single-record attribution, POST /api/v1/attributions (" + attribution.client() + ", "
                            + connections + " connections)",
                    attribution.perSecond(),
                    "requests/s",
                    "trivial POST /bench/ping of the same app, same client and body",
                    ping.perSecond(),
                    "≥ 70% of the trivial endpoint (issue 6)",
                    ratio >= 0.7 && attribution.failed() == 0);

            byte[] log = conn(data, events, lines);
            stream(hub, "/api/v1/attributions/batch", conn(data, events, lines / 5));
            stream(hub, "/bench/echo", conn(data, events, lines / 5));
            double enrich = stream(hub, "/api/v1/attributions/batch", log);
            double echo = stream(hub, "/bench/echo", log);
            BenchReport.figure(
                    "batch enrichment over HTTP on loopback, NDJSON conn.log (" + lines + " lines, 1 upload)",
                    enrich,
                    "lines/s",
                    "trivial endpoint echoing the same bytes, same client",
                    echo,
                    "≥ 200,000 lines/s (issue 6)",
                    enrich >= 200_000);
        }
    }

    /** Host addresses and socket events straight into the index: setup, not measured. */
    private static void load(BenchHub hub, BenchData data, int events) {
        for (int h = 0; h < HOSTS; h++) {
            hub.publishEvent(new HostAddressesChanged(
                    new HostAddresses(BenchData.hostId(h), "h" + h, Set.of(BenchData.address(h))), false));
        }
        AttributionService attribution = hub.bean(AttributionService.class);
        Instant now = Instant.now();
        List<SocketEventEntry> batch = new ArrayList<>(10_000);
        for (long i = 0; i < events; i++) {
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
                    Instant.ofEpochSecond(data.time(i)),
                    now));
            if (batch.size() == 10_000) {
                attribution.index(batch);
                batch = new ArrayList<>(10_000);
            }
        }
        attribution.index(batch);
    }

    private static byte[] conn(BenchData data, int events, int lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines * 260);
        for (int k = 0; k < lines; k++) {
            out.writeBytes(data.connJson(BenchData.connectFor(k, events), k).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    /**
     * Uploads the log with curl (a separate process that reads the streamed answer while it still uploads), the
     * answer going to a file; lines of the answer per second, curl's start included.
     */
    static double stream(BenchHub hub, String path, byte[] body) throws Exception {
        Path in = Files.createTempFile("bench-conn-", ".ndjson");
        Path out = Files.createTempFile("bench-enriched-", ".ndjson");
        try {
            Files.write(in, body);
            long elapsed = HttpLoad.postNdjson(hub.baseUrl() + path, hub.adminKey(), in, out);
            long lines = 0;
            try (InputStream answer = Files.newInputStream(out)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = answer.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            return lines * 1e9 / elapsed;
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }
}
