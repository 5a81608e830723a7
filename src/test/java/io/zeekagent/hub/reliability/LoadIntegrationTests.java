package io.zeekagent.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.security.TestApiKeys;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests for the hub under agent load ({@link LoadCampaign}): every row the simulated agents send is stored, none is
 * dropped, while attribution keeps answering. Bounded here (200 agents × 15 s); {@code -Dreliability.full=true}
 * runs the long form (1,000 agents × 60 s), as does {@code BENCH_ONLY=Load bench/run.sh --full}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiKeyTestConfiguration.class)
class LoadIntegrationTests {

    static final boolean FULL = Boolean.getBoolean("reliability.full");
    private static final int XPUB = HubPorts.free();
    private static final int XSUB = HubPorts.free();

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("hub.zeromq.xpub-endpoint", () -> "tcp://127.0.0.1:" + XPUB);
        registry.add("hub.zeromq.xsub-endpoint", () -> "tcp://127.0.0.1:" + XSUB);
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void storesEveryRowOfManyAgentsWhileAttributionKeepsAnswering() throws Exception {
        int agents = FULL ? 1000 : 200;
        Duration duration = Duration.ofSeconds(FULL ? 60 : 15);
        LoadCampaign campaign = new LoadCampaign(
                new HubClient(port, TestApiKeys.ADMIN), meters, "tcp://127.0.0.1:" + XPUB, "tcp://127.0.0.1:" + XSUB);

        LoadCampaign.Result result = campaign.run(agents, duration, 2);

        LoadCampaign.report(FULL ? "full" : "bounded", agents, duration, result);
        assertThat(result.sent()).isGreaterThan(agents * 10L * duration.toSeconds() / 2);
        assertThat(result.dropped()).isZero();
        assertThat(result.stored()).isEqualTo(result.sent());
        assertThat(result.attributions()).isPositive();
    }
}
