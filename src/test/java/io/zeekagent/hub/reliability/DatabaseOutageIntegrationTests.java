package io.zeekagent.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.agent.sim.AgentSimulator;
import io.zeekagent.hub.bench.BenchReport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests for the hub through a PostgreSQL outage: the server (a private one, {@link PrivatePostgres}) is stopped for
 * 15 s while agents feed socket events. The hub stays up and says the database is DOWN, REST writes fail fast with a
 * 503 problem, agent rows wait in the bounded buffer and are written when the server is back, without a restart.
 */
@Tag("postgres")
@EnabledIf(
        value = "io.zeekagent.hub.reliability.PrivatePostgres#canRun",
        disabledReason = "needs PostgreSQL server binaries under /usr/lib/postgresql (and runuser when root)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class DatabaseOutageIntegrationTests {

    private static final Duration OUTAGE = Duration.ofSeconds(15);
    private static final int AGENTS = 3;
    private static final int XPUB = HubPorts.free();
    private static final int XSUB = HubPorts.free();
    private static PrivatePostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres = PrivatePostgres.start();
        registry.add("spring.datasource.url", postgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("hub.zeromq.xpub-endpoint", () -> "tcp://127.0.0.1:" + XPUB);
        registry.add("hub.zeromq.xsub-endpoint", () -> "tcp://127.0.0.1:" + XSUB);
        // The configured admin key is checked in memory; stored keys need the database, and while it is away a
        // request with one is refused with a 503 before it reaches the write this test is about.
        registry.add("hub.security.admin-key", () -> HubProcess.ADMIN_KEY);
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void ridesOutA15SecondOutageWithoutARestart() throws Exception {
        HubClient http = new HubClient(port, HubProcess.ADMIN_KEY);
        assertThat(http.post("/api/v1/groups", "{\"name\":\"agents\"}").status())
                .isEqualTo(201);
        assertThat(http.post(
                                "/api/v1/subscriptions",
                                "{\"name\":\"sockets\",\"query\":\"SELECT * FROM socket_events\","
                                        + "\"kind\":\"SOCKET_EVENTS\",\"intervalSeconds\":1,\"groups\":[\"agents\"]}")
                        .status())
                .isEqualTo(201);
        try (AgentSimulator agents =
                new AgentSimulator("tcp://127.0.0.1:" + XPUB, "tcp://127.0.0.1:" + XSUB, "broker-bin-v1", 10)) {
            List<String> hosts = agents.startMany("sim", AGENTS, List.of("agents")).stream()
                    .map(h -> h.hostId())
                    .toList();
            await().atMost(Duration.ofSeconds(60)).until(() -> written() > 0);

            postgres.stopServer();
            long stoppedAt = System.nanoTime();
            double routedAtStop = routed();
            await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(http.componentHealth("db")));
            long restStart = System.nanoTime();
            HubClient.Reply refused =
                    http.post("/api/v1/socket-events", SocketEvents.batch("rest-host", 0, 1, 1_795_996_800L));
            long restMillis = (System.nanoTime() - restStart) / 1_000_000;
            await().atMost(OUTAGE.plusSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> System.nanoTime() - stoppedAt >= OUTAGE.toNanos());
            double routedDuringOutage = routed() - routedAtStop;
            double peakBuffered = meters.get("hub.ingest.buffer").gauge().value();

            postgres.startServer();
            await().atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(http.componentHealth("db")));
            hosts.forEach(agents::disconnect);
            await().atMost(Duration.ofSeconds(60)).until(() -> written() + dropped() == routed());
            HubClient.Reply accepted =
                    http.post("/api/v1/socket-events", SocketEvents.batch("rest-host", 0, 1, 1_795_996_800L));
            long stored = 0;
            for (String host : hosts) {
                stored += http.countSocketEvents(host);
            }

            BenchReport.figure(
                    "DB outage 15 s: agent rows dropped",
                    dropped(),
                    "rows",
                    "agent rows received during the outage",
                    routedDuringOutage,
                    "0 (buffer " + 100_000 + " rows)",
                    dropped() == 0);
            BenchReport.figure(
                    "DB outage: REST write answered 503 after",
                    restMillis,
                    "ms",
                    "-",
                    Double.NaN,
                    "< 10,000 ms, no hang",
                    refused.status() == 503 && restMillis < 10_000);
            BenchReport.figure(
                    "DB outage: agent rows held in the buffer at the end of the outage",
                    peakBuffered,
                    "rows",
                    "-",
                    Double.NaN,
                    "≤ hub.ingest.buffer-capacity",
                    peakBuffered <= 100_000);
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(restMillis).isLessThan(10_000);
            assertThat(routedDuringOutage).isPositive();
            assertThat(dropped()).isZero();
            assertThat(stored).isEqualTo((long) routed());
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            assertThat(http.isUp()).isTrue();
        }
    }

    private double written() {
        return meters.get("hub.ingest.events.written").counter().count();
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

    private double routed() {
        return meters.get("hub.results.routed")
                .tag("kind", "socket_events")
                .counter()
                .count();
    }
}
