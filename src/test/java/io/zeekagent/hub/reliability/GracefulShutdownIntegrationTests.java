package io.zeekagent.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.agent.sim.AgentSimulator;
import io.zeekagent.hub.bench.BenchReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for the graceful shutdown of the hub (SIGTERM): agent rows still waiting in the batch writer are committed
 * before the process exits, completely, so a restart finds every one of them.
 */
class GracefulShutdownIntegrationTests {

    private static final int AGENTS = 3;
    private static final String ROUTED = "hub.results.routed";

    @TempDir
    Path dir;

    private HubProcess hub;
    private AgentSimulator agents;

    @AfterEach
    void stopEverything() {
        if (agents != null) {
            agents.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void sigtermCommitsEveryPendingAgentRow() throws Exception {
        // A flush interval of an hour keeps every row in the writer until the shutdown flushes it.
        hub = HubProcess.start(dir, "--hub.ingest.flush-interval=1h", "--hub.ingest.batch-size=100000");
        HubClient http = hub.http();
        assertThat(http.post("/api/v1/groups", "{\"name\":\"agents\"}").status())
                .isEqualTo(201);
        assertThat(http.post(
                                "/api/v1/subscriptions",
                                "{\"name\":\"sockets\",\"query\":\"SELECT * FROM socket_events\","
                                        + "\"kind\":\"SOCKET_EVENTS\",\"intervalSeconds\":1,\"groups\":[\"agents\"]}")
                        .status())
                .isEqualTo(201);
        agents = new AgentSimulator(hub.xpubEndpoint(), hub.xsubEndpoint(), "broker-bin-v1", 10);
        List<String> hosts = agents.startMany("sim", AGENTS, List.of("agents")).stream()
                .map(h -> h.hostId())
                .toList();
        await().atMost(Duration.ofSeconds(90)).until(() -> routed(http) >= 100);

        hosts.forEach(agents::disconnect);
        await().atMost(Duration.ofSeconds(30)).until(() -> routed(http) == agents.rowsSent());
        long sent = agents.rowsSent();
        assertThat(http.metric("hub.ingest.events.written", null)).isZero();

        int exitCode = hub.terminate();
        hub.restart();
        long stored = 0;
        for (String host : hosts) {
            stored += hub.http().countSocketEvents(host);
        }

        BenchReport.figure(
                "SIGTERM: pending agent rows not stored after a graceful shutdown",
                sent - stored,
                "rows",
                "rows pending at SIGTERM",
                sent,
                "0",
                stored == sent);
        assertThat(exitCode).as(hub.logTail()).isIn(0, 143);
        assertThat(stored).isEqualTo(sent).isPositive();
    }

    private static long routed(HubClient http) throws Exception {
        return (long) http.metric(ROUTED, "kind:socket_events");
    }
}
