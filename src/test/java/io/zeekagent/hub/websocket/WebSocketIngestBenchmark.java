package io.zeekagent.hub.websocket;

import io.zeekagent.hub.ZeekAgentHubApplication;
import io.zeekagent.hub.bench.BenchReport;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.JsonV1;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.subscription.SubscriptionKind;
import io.zeekagent.hub.subscription.SubscriptionRequest;
import io.zeekagent.hub.subscription.SubscriptionService;
import io.zeekagent.hub.subscription.UpdateType;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rows per second from N simulated v2 agents through the whole hub: WebSocket, JSON v1 decoding, session lookup,
 * result routing and the batch writer, until every row is stored. Baseline, in the same run: decoding the same
 * messages on one thread without network or storage (the codec's ceiling for this path).
 */
public final class WebSocketIngestBenchmark {

    private WebSocketIngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int agentCount = BenchReport.size(4, 16);
        int rowsPerAgent = BenchReport.size(2_000, 20_000);
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(ZeekAgentHubApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:h2:mem:wsbench;DB_CLOSE_DELAY=-1",
                        "--server.port=0",
                        "--hub.zeromq.xpub-endpoint=tcp://127.0.0.1:0",
                        "--hub.zeromq.xsub-endpoint=tcp://127.0.0.1:0",
                        "--hub.websocket.port=0",
                        "--hub.websocket.default-socket-events=false",
                        "--hub.dispatch.interval=200ms",
                        "--hub.activity.file-enabled=false",
                        "--logging.level.root=WARN")) {
            int wsPort = hub.getBean(WebSocketServerLifecycle.class).port();
            int httpPort = ((WebServerApplicationContext) hub).getWebServer().getPort();
            List<List<BrokerValue>> rows = new ArrayList<>(rowsPerAgent);
            for (int i = 0; i < rowsPerAgent; i++) {
                rows.add(WebSocketAgentsIntegrationTests.socket(i, "proc-" + i, i % 65536));
            }
            List<V2AgentSimulator> agents = new ArrayList<>();
            for (int a = 0; a < agentCount; a++) {
                V2AgentSimulator agent = new V2AgentSimulator(
                        URI.create("ws://127.0.0.1:" + wsPort),
                        "Hbench" + a,
                        SimulatedAgentOptions.defaults("bench-" + a, "10.99.0." + (a + 1)));
                agent.table("sockets", rows);
                agents.add(agent.connect());
            }
            HubHttp http = new HubHttp(httpPort);
            while (http.get("/api/v1/websocket/agents").body().size() < agentCount) {
                Thread.sleep(50);
            }
            long started = System.nanoTime();
            String id = hub.getBean(SubscriptionService.class)
                    .create(new SubscriptionRequest(
                            "bench",
                            "SELECT pid, process, local_port FROM sockets",
                            null,
                            null,
                            3600,
                            UpdateType.BOTH,
                            SubscriptionKind.RESULTS,
                            null,
                            null,
                            true))
                    .id();
            long expected = (long) agentCount * rowsPerAgent;
            long stored = 0;
            while (stored < expected && System.nanoTime() - started < 600_000_000_000L) {
                Thread.sleep(100);
                stored = http.get("/api/v1/subscriptions/" + id + "/results?size=1")
                        .body()
                        .get("totalElements")
                        .asLong();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            for (V2AgentSimulator agent : agents) {
                agent.close();
            }
            double endToEnd = stored / seconds;
            double decodeOnly = decodeRate(rows);
            BenchReport.figure(
                    "v2 rows stored/s (" + agentCount + " WebSocket agents, whole hub)",
                    endToEnd,
                    "rows/s",
                    "JSON v1 decode only, 1 thread",
                    decodeOnly,
                    "≥ 10,000 rows/s",
                    stored == expected && endToEnd >= 10_000);
        }
    }

    /** Rows/s of decoding the agent's result messages (envelope, event, context) on one thread. */
    private static double decodeRate(List<List<BrokerValue>> rows) {
        List<String> messages = new ArrayList<>(rows.size());
        BrokerValue context = SimulatedAgentEvents.context("Hbench0", "za_x", V2Change.NONE, "cookie");
        for (List<BrokerValue> row : rows) {
            ZeekEvent event = ZeekEvent.of("ZeekAgent::query_result", context, BrokerValue.vector(row));
            messages.add(JsonV1.encodeDataMessage("/zeek-agent/response/zeek_hub/Hbench0", event.toBroker()));
        }
        long decoded = 0;
        long started = System.nanoTime();
        for (int round = 0; round < 5; round++) {
            for (String message : messages) {
                WebSocketJson.topicOf(message);
                AgentMessage.of(
                        ZeekEvent.fromBroker(JsonV1.decodeDataMessage(message).value()));
                decoded++;
            }
        }
        return decoded / ((System.nanoTime() - started) / 1e9);
    }
}
