package io.zeekagent.hub.websocket;

import io.zeekagent.hub.bench.BenchData;
import io.zeekagent.hub.bench.BenchHub;
import io.zeekagent.hub.bench.BenchReport;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.JsonV1;
import io.zeekagent.hub.broker.ZeekEvent;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.jspecify.annotations.Nullable;

/**
 * Socket-event ingestion from Zeek Agent v2s over the hub's WebSocket API: simulated v2 agents
 * ({@link V2AgentSimulator}) answer a SOCKET_EVENTS subscription on {@code sockets_events} ({@code Events} mode,
 * one JSON v1 data message per row); rounds of fresh rows are pushed, each round waiting until the hub has
 * committed all but two rounds' worth (a closed loop, so nothing piles up unmeasured). The baseline sends the same
 * number of equally built frames from the same number of connections to a bare WebSocket server that only counts
 * them. Runs on H2 and, when it answers, PostgreSQL. Not a unit test.
 */
public final class WebSocketIngestionBenchmark {

    private static final String QUERY = "SELECT time, pid, process, uid, gid, family, protocol, local_addr,"
            + " local_port, remote_addr, remote_port, state FROM sockets_events";

    private static final String NAME = "WebSocket ingestion (JSON v1 over ws://) → %s + index, %d v2 agents";

    private WebSocketIngestionBenchmark() {}

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
        int agents = BenchReport.size(5, 20);
        int rows = 500;
        long measureNanos = TimeUnit.SECONDS.toNanos(BenchReport.size(2, 30));
        BenchData data = new BenchData(agents);
        // Storage-bound, so both databases; one baseline, sized to the larger of the two runs.
        List<String> names = new ArrayList<>();
        List<double[]> figures = new ArrayList<>();
        for (BenchHub.Database db : BenchHub.Database.values()) {
            String name = String.format(Locale.ROOT, NAME, db == BenchHub.Database.H2 ? "H2" : "PostgreSQL", agents);
            if (db == BenchHub.Database.POSTGRESQL && !BenchHub.postgresAnswers()) {
                BenchReport.skipped(name, "-", "PostgreSQL did not answer on 127.0.0.1:5432");
                continue;
            }
            double[] rateAndSent = hub(db, name, agents, rows, measureNanos, data);
            if (rateAndSent != null) {
                names.add(name);
                figures.add(rateAndSent);
            }
        }
        if (figures.isEmpty()) {
            return;
        }
        BenchReport.phase("hubs closed; baseline");
        long frames = (long) figures.stream().mapToDouble(f -> f[1]).max().orElseThrow();
        double raw = raw(agents, data, rows, frames);
        for (int i = 0; i < figures.size(); i++) {
            BenchReport.info(
                    names.get(i) + " (no target in the issues; compare with the ZeroMQ ingestion row)",
                    figures.get(i)[0],
                    "events/s",
                    "bare WebSocket server counting the same number of equally built frames",
                    raw);
        }
    }

    /** One hub on {@code db}: returns {events/s stored, rows sent}, or {@code null} when no row got through. */
    private static double @Nullable [] hub(
            BenchHub.Database db, String name, int agents, int rows, long measureNanos, BenchData data)
            throws Exception {
        long sent = 0;
        try (BenchHub hub = BenchHub.start(db)) {
            URI uri = URI.create(
                    "ws://127.0.0.1:" + hub.bean(WebSocketServerLifecycle.class).port());
            List<V2AgentSimulator> sims = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                sims.add(new V2AgentSimulator(
                                uri,
                                BenchData.hostId(i),
                                SimulatedAgentOptions.defaults(BenchData.hostId(i), BenchData.address(i)))
                        .connect());
            }
            hub.post(
                    "/api/v1/subscriptions",
                    "{\"name\":\"bench v2 socket events\",\"query\":\"" + QUERY + "\",\"intervalSeconds\":60,"
                            + "\"kind\":\"SOCKET_EVENTS\",\"updateType\":\"ADDED\"}");
            BenchReport.phase(agents + " v2 agents connected; waiting for the subscription to reach them");
            waitFor(() -> sims.stream().allMatch(s -> !s.installedQueryIds().isEmpty()) ? 1 : 0, 1, 60);
            BenchReport.phase("subscription installed; first rows");
            LongSupplier written = () -> (long) hub.counter("hub.ingest.events.written");
            long w0 = written.getAsLong();
            for (int i = 0; i < agents; i++) {
                sims.get(i).table("sockets_events", rows(data, i, 0, rows));
                sims.get(i).runScheduledQueries();
            }
            if (waitFor(written, w0 + 1, 60) == w0) {
                BenchReport.skipped(
                        name,
                        "-",
                        String.format(
                                Locale.ROOT,
                                "no v2 row reached the database in 60 s (results dropped %.0f, of which not wired to"
                                        + " ingestion %.0f)",
                                hub.counter("hub.results.dropped"),
                                hub.counter("hub.results.dropped", "reason", "no_ingest")));
                return null;
            }
            w0 = waitFor(written, w0 + (long) agents * rows, 30);
            BenchReport.phase("first rows stored; measuring");
            long start = System.nanoTime();
            for (int round = 1; System.nanoTime() - start < measureNanos; round++) {
                for (int i = 0; i < agents; i++) {
                    sims.get(i).table("sockets_events", rows(data, i, round, rows));
                    sims.get(i).runScheduledQueries();
                }
                sent += (long) agents * rows;
                waitFor(written, w0 + sent - 2L * agents * rows, 30);
            }
            long stored = waitFor(written, w0 + sent, 30) - w0;
            double hubRate = stored * 1e9 / (System.nanoTime() - start);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d rows sent, %d stored, %.0f events/s; dropped %.0f%n",
                    db,
                    sent,
                    stored,
                    hubRate,
                    hub.counter("hub.ingest.events.dropped")
                            + hub.counter("hub.writer.dropped", "stream", "socket-events"));
            for (V2AgentSimulator sim : sims) {
                sim.close();
            }
            return new double[] {hubRate, sent};
        }
    }

    private static double raw(int agents, BenchData data, int rows, long frames) throws Exception {
        CountingWebSocketServer server = new CountingWebSocketServer();
        server.start();
        waitFor(() -> server.getPort() > 0 ? 1 : 0, 1, 10);
        List<WebSocketClient> clients = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            WebSocketClient client = new WebSocketClient(URI.create("ws://127.0.0.1:" + server.getPort())) {
                @Override
                public void onOpen(ServerHandshake handshake) {}

                @Override
                public void onMessage(String message) {}

                @Override
                public void onClose(int code, String reason, boolean remote) {}

                @Override
                public void onError(Exception ex) {}
            };
            client.connectBlocking(5, TimeUnit.SECONDS);
            clients.add(client);
        }
        long start = System.nanoTime();
        long sent = 0;
        for (int round = 0; sent < frames; round++) {
            for (int i = 0; i < agents; i++) {
                String topic = V2Topics.response("hub-instance", BenchData.hostId(i));
                for (List<BrokerValue> row : rows(data, i, round, rows)) {
                    BrokerValue context = SimulatedAgentEvents.context(
                            BenchData.hostId(i), "query-id-0001", V2Change.ADD, "subscription-cookie");
                    clients.get(i)
                            .send(JsonV1.encodeDataMessage(
                                    topic,
                                    ZeekEvent.of("ZeekAgent::query_result", context, BrokerValue.vector(row))
                                            .toBroker()));
                }
            }
            sent += (long) agents * rows;
            waitFor(server::frames, sent - 2L * agents * rows, 30);
        }
        long got = waitFor(server::frames, sent, 30);
        double rate = got * 1e9 / (System.nanoTime() - start);
        for (WebSocketClient client : clients) {
            client.closeBlocking();
        }
        server.stop(1000);
        return rate;
    }

    /** One round of {@code n} fresh {@code sockets_events} rows of agent {@code i}, in the table's column order. */
    private static List<List<BrokerValue>> rows(BenchData data, int agent, int round, int n) {
        List<List<BrokerValue>> out = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            long e = ((long) round * n + j) * data.hosts() + agent;
            out.add(List.of(
                    BrokerValue.timestamp(Instant.ofEpochSecond(data.time(e))),
                    BrokerValue.count(data.pid(e)),
                    BrokerValue.string(data.exe(e)),
                    BrokerValue.count(1000),
                    BrokerValue.count(1000),
                    BrokerValue.string("IPv4"),
                    BrokerValue.string("tcp"),
                    BrokerValue.string(data.localAddress(e)),
                    BrokerValue.count(data.localPort(e)),
                    BrokerValue.string(data.remoteAddress(e)),
                    BrokerValue.count(data.remotePort(e)),
                    BrokerValue.string("established")));
        }
        return out;
    }

    /** Waits until the value reaches {@code target}; gives up after {@code seconds}; returns the last value. */
    private static long waitFor(LongSupplier value, long target, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long v;
        while ((v = value.getAsLong()) < target && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return v;
    }
}
