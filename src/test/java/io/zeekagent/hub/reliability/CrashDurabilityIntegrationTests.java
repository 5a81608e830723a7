package io.zeekagent.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.agent.sim.AgentSimulator;
import io.zeekagent.hub.bench.BenchReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for the hub's durability when it is killed ({@code kill -9}) mid-ingestion: every socket event that got a
 * 201 is stored and attributable after the restart, the resources and deliveries are intact, agents are re-served
 * when they re-announce, and the agent-fed rows an unclean stop loses are measured.
 */
class CrashDurabilityIntegrationTests {

    private static final int AGENTS = 5;
    private static final int WRITERS = 4;
    private static final int BATCH = 20;

    @TempDir
    Path dir;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void everyAcknowledgedEventSurvivesAKillAndStaysAttributable() throws Exception {
        HubProcess hub = track(HubProcess.start(dir));
        HubClient http = hub.http();
        long time = System.currentTimeMillis() / 1000;
        created(http.post("/api/v1/groups", "{\"name\":\"agents\",\"subnets\":[\"10.0.0.0/16\"]}"));
        created(http.post(
                "/api/v1/hosts",
                "{\"hostId\":\"rest-host\",\"addresses\":[\"" + SocketEvents.HOST_ADDRESS
                        + "\"],\"groups\":[\"agents\"]}"));
        String procs = created(
                        http.post(
                                "/api/v1/subscriptions",
                                "{\"name\":\"procs\",\"query\":\"SELECT pid, exe FROM process_events\",\"groups\":[\"agents\"]}"))
                .json()
                .get("id")
                .asString();
        created(http.post(
                "/api/v1/subscriptions",
                "{\"name\":\"sockets\",\"query\":\"SELECT * FROM socket_events\",\"kind\":\"SOCKET_EVENTS\","
                        + "\"intervalSeconds\":1,\"groups\":[\"agents\"]}"));

        AgentSimulator agents = new AgentSimulator(hub.xpubEndpoint(), hub.xsubEndpoint(), "broker-bin-v1", 10);
        resources.add(agents);
        agents.startMany("sim", AGENTS, List.of("agents"));
        await().atMost(Duration.ofSeconds(90)).until(() -> http.countSocketEvents("sim-0") > 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/subscriptions/" + procs + "/deliveries")
                        .body()
                        .contains("sim-0"));

        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = startRestWriters(http, time, acknowledged, stop);
        await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= 1000);

        hub.kill();
        long agentRowsSent = agents.rowsSent();
        agents.close();
        stop.set(true);
        for (Thread w : writers) {
            w.join(30_000);
        }

        hub.restart();
        HubClient after = hub.http();
        Set<String> stored = new HashSet<>(after.allSeuids());
        List<String> missing =
                acknowledged.values().stream().filter(s -> !stored.contains(s)).toList();
        int attributed = 0;
        int sampled = 0;
        for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
            if (e.getKey() % 25 == 0) {
                sampled++;
                HubClient.Reply r = after.post("/api/v1/attributions", SocketEvents.connection(e.getKey(), time));
                if (r.status() == 200 && r.body().contains(e.getValue())) {
                    attributed++;
                }
            }
        }
        long agentRowsStored = 0;
        for (int i = 0; i < AGENTS; i++) {
            agentRowsStored += after.countSocketEvents("sim-" + i);
        }

        BenchReport.figure(
                "kill -9: REST events acknowledged (201) but missing after restart",
                missing.size(),
                "events",
                "events acknowledged",
                acknowledged.size(),
                "0",
                missing.isEmpty());
        BenchReport.figure(
                "kill -9: agent-fed rows lost (sent, never stored)",
                agentRowsSent - agentRowsStored,
                "rows",
                "agent rows sent",
                agentRowsSent,
                "≤ one batch window (" + AGENTS * 10 + " rows/s × 200 ms) plus in-flight",
                agentRowsStored <= agentRowsSent);
        assertThat(missing).isEmpty();
        assertThat(attributed).isEqualTo(sampled).isPositive();
        assertThat(agentRowsStored).isPositive().isLessThanOrEqualTo(agentRowsSent);
        assertThat(after.get("/api/v1/groups/agents").status()).isEqualTo(200);
        assertThat(after.get("/api/v1/hosts/rest-host").body()).contains(SocketEvents.HOST_ADDRESS);
        assertThat(after.get("/api/v1/subscriptions/" + procs).status()).isEqualTo(200);
        assertThat(after.get("/api/v1/subscriptions/" + procs + "/deliveries").body())
                .contains("sim-0");

        AgentSimulator reconnected = new AgentSimulator(hub.xpubEndpoint(), hub.xsubEndpoint());
        resources.add(reconnected);
        reconnected.startMany("sim", 1, List.of("agents"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> reconnected.runningCookies("sim-0").contains(procs));
    }

    private List<Thread> startRestWriters(
            HubClient http, long time, Map<Long, String> acknowledged, AtomicBoolean stop) {
        AtomicLong next = new AtomicLong();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < WRITERS; t++) {
            Thread w = new Thread(
                    () -> {
                        while (!stop.get()) {
                            long first = next.getAndAdd(BATCH);
                            try {
                                HubClient.Reply r = http.post(
                                        "/api/v1/socket-events", SocketEvents.batch("rest-host", first, BATCH, time));
                                if (r.status() == 201) {
                                    List<String> seuids = new ArrayList<>();
                                    r.json().get("seuids").forEach(s -> seuids.add(s.asString()));
                                    for (int i = 0; i < seuids.size(); i++) {
                                        acknowledged.put(first + i, seuids.get(i));
                                    }
                                }
                            } catch (IOException | RuntimeException e) {
                                return; // the hub is gone: this batch was never acknowledged
                            }
                        }
                    },
                    "rest-writer-" + t);
            w.start();
            writers.add(w);
        }
        return writers;
    }

    private HubProcess track(HubProcess hub) {
        resources.add(hub);
        return hub;
    }

    private static HubClient.Reply created(HubClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply;
    }
}
