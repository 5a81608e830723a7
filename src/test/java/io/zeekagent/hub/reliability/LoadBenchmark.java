package io.zeekagent.hub.reliability;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.bench.BenchHub;
import io.zeekagent.hub.bench.BenchReport;
import java.time.Duration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The long form of the load campaign for {@code bench/run.sh}: {@code BENCH_ONLY=Load bench/run.sh --full} runs
 * 1,000 agents × 60 s (quick mode, a sanity run: 200 × 6 s) against a hub started in this JVM on free ports and
 * an in-memory database, and prints the figures of {@link LoadCampaign}. The bounded form runs in
 * {@link LoadIntegrationTests}.
 */
final class LoadBenchmark {

    private LoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int agents = BenchReport.size(200, 1000);
        Duration duration = Duration.ofSeconds(BenchReport.size(4, 60));
        int xpub = HubPorts.free();
        int xsub = HubPorts.free();
        BenchReport.phase("starting the hub");
        try (ConfigurableApplicationContext hub = BenchHub.application()
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:load;DB_CLOSE_DELAY=-1",
                        "--hub.zeromq.xpub-endpoint=tcp://127.0.0.1:" + xpub,
                        "--hub.zeromq.xsub-endpoint=tcp://127.0.0.1:" + xsub,
                        "--hub.websocket.port=0",
                        "--hub.activity.file-enabled=false",
                        // Quick mode reaches the agents within half a second instead of the 2 s default tick.
                        "--hub.dispatch.interval=" + (BenchReport.quick() ? "500ms" : "2s"),
                        "--hub.security.admin-key=" + HubProcess.ADMIN_KEY,
                        "--logging.level.root=WARN")) {
            int port = Integer.parseInt(hub.getEnvironment().getRequiredProperty("local.server.port"));
            LoadCampaign campaign = new LoadCampaign(
                    new HubClient(port, HubProcess.ADMIN_KEY),
                    hub.getBean(MeterRegistry.class),
                    "tcp://127.0.0.1:" + xpub,
                    "tcp://127.0.0.1:" + xsub);
            BenchReport.phase("hub started; " + agents + " agents for " + duration.toSeconds() + " s");
            LoadCampaign.Result result = campaign.run(agents, duration, 2);
            BenchReport.phase("campaign done");
            LoadCampaign.report(BenchReport.quick() ? "quick" : "full", agents, duration, result);
        }
        System.exit(0);
    }
}
