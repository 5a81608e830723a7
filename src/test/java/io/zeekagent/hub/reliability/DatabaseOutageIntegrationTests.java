package io.zeekagent.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
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
 * Tests for the hub through a PostgreSQL outage ({@link OutageCampaign}): the server (a private one,
 * {@link PrivatePostgres}) is stopped for 15 s while agents feed socket events, with a socket-event buffer smaller
 * than the outage brings. The hub stays up, says the database is DOWN and the spool DEGRADED, REST writes
 * fail fast with a 503 problem, agent rows go to the disk spool and are all stored once the server is back, without
 * a restart. The 60 s form at 10,000 rows/s is {@link DatabaseOutageBenchmark}.
 */
@Tag("postgres")
@EnabledIf(
        value = "io.zeekagent.hub.reliability.PrivatePostgres#canRun",
        disabledReason = "needs PostgreSQL server binaries under /usr/lib/postgresql (and runuser when root)")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.ingest.buffer-capacity=" + DatabaseOutageIntegrationTests.BUFFER,
            "spring.datasource.hikari.connection-timeout=1000"
        })
@ActiveProfiles("postgres")
class DatabaseOutageIntegrationTests {

    private static final Duration OUTAGE = Duration.ofSeconds(15);
    /**
     * Rows the socket-event buffer holds: far fewer than the outage brings (20 agents × 10 rows/s × 15 s), more than
     * arrive during the first failing attempt, before the spool takes over (the pool's timeout, 1 s here).
     */
    static final int BUFFER = 500;

    private static final int AGENTS = 20;
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
    void spoolsA15SecondOutageBeyondTheBufferAndStoresEveryRowOnceWithoutARestart() throws Exception {
        HubClient http = new HubClient(port, HubProcess.ADMIN_KEY);
        OutageCampaign.Result r = new OutageCampaign(
                        http, meters, postgres, "tcp://127.0.0.1:" + XPUB, "tcp://127.0.0.1:" + XSUB)
                .run(AGENTS, OUTAGE);
        OutageCampaign.report(OUTAGE, AGENTS, r);

        assertThat(r.refusedStatus()).isEqualTo(503);
        assertThat(r.refusedContentType()).startsWith("application/problem+json");
        assertThat(r.restMillis()).isLessThan(10_000);
        assertThat(r.routedDuringOutage()).isPositive();
        assertThat(r.spooled()).as("rows through the spool").isGreaterThan(BUFFER);
        assertThat(r.degradedSeen()).isTrue();
        assertThat(r.dropped()).isZero();
        assertThat(r.bridgeDropped()).isZero();
        assertThat(r.stored()).isEqualTo((long) r.routed());
        assertThat(r.acceptedStatus()).isEqualTo(201);
        assertThat(http.isUp()).isTrue();
    }
}
