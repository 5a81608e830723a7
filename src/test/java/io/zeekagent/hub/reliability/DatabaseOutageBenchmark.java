package io.zeekagent.hub.reliability;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.bench.BenchHub;
import io.zeekagent.hub.bench.BenchReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The long form of the database-outage campaign for {@code bench/run.sh}: {@code BENCH_ONLY=Outage bench/run.sh
 * --full} stops a private PostgreSQL for 60 s under 1,000 agents × 10 rows/s (quick mode, a sanity run: 50 agents,
 * 5 s) with the default buffer and spool, and prints the figures of {@link OutageCampaign}. The bounded form runs in
 * {@link DatabaseOutageIntegrationTests}.
 */
final class DatabaseOutageBenchmark {

    private DatabaseOutageBenchmark() {}

    public static void main(String[] args) throws Exception {
        int agents = BenchReport.size(50, 1000);
        Duration outage = Duration.ofSeconds(BenchReport.size(5, 60));
        String name = "DB outage " + outage.toSeconds() + " s (" + agents * 10 + " rows/s): agent rows lost";
        if (!PrivatePostgres.canRun()) {
            BenchReport.skipped(name, "0", "no PostgreSQL server binaries under /usr/lib/postgresql");
            System.exit(0);
        }
        int xpub = HubPorts.free();
        int xsub = HubPorts.free();
        Path spool = Files.createTempDirectory("outage-spool");
        BenchReport.phase("starting PostgreSQL and the hub");
        try (PrivatePostgres postgres = PrivatePostgres.start();
                ConfigurableApplicationContext hub = BenchHub.application()
                        .profiles("postgres")
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=" + postgres.jdbcUrl(),
                                "--spring.datasource.username=postgres",
                                "--spring.datasource.password=",
                                "--hub.zeromq.xpub-endpoint=tcp://127.0.0.1:" + xpub,
                                "--hub.zeromq.xsub-endpoint=tcp://127.0.0.1:" + xsub,
                                "--hub.websocket.port=0",
                                "--hub.activity.file-enabled=false",
                                "--hub.spool.directory=" + spool,
                                "--hub.dispatch.interval=" + (BenchReport.quick() ? "500ms" : "2s"),
                                "--hub.security.admin-key=" + HubProcess.ADMIN_KEY,
                                "--logging.level.root=WARN")) {
            int port = Integer.parseInt(hub.getEnvironment().getRequiredProperty("local.server.port"));
            OutageCampaign campaign = new OutageCampaign(
                    new HubClient(port, HubProcess.ADMIN_KEY),
                    hub.getBean(MeterRegistry.class),
                    postgres,
                    "tcp://127.0.0.1:" + xpub,
                    "tcp://127.0.0.1:" + xsub);
            BenchReport.phase("hub started; " + agents + " agents");
            OutageCampaign.report(outage, agents, campaign.run(agents, outage));
        }
        System.exit(0);
    }
}
