package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.agent.sim.AgentSimulator;
import io.zeekagent.hub.agent.sim.SimHost;
import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.host.HostStatus;
import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.support.HubHttp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Scripts written against the zeek-agent framework's API, unchanged ({@code @load zeek-agent}, found through the
 * package's shim), in a real Zeek with zeek-agent-hub/compat against the running hub and a simulated v1 agent: the
 * socket-events script's handler fires with typed columns and writes its own log; the listening-ports script's
 * subscription is made and owned by that Zeek. Disabled, with a message, where no {@code zeek} is on {@code PATH}.
 */
@EnabledIf(value = "io.zeekagent.hub.zeek.ZeekBinary#available", disabledReason = ZeekBinary.ABSENT)
@Import(ApiKeyTestConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompatZeekIntegrationTests {

    private static final int[] PORTS = ZeekTestPorts.distinct(2);
    private static final int XPUB = PORTS[0];
    private static final int XSUB = PORTS[1];
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.zeromq.xpub-endpoint", () -> "tcp://127.0.0.1:" + XPUB);
        registry.add("hub.zeromq.xsub-endpoint", () -> "tcp://127.0.0.1:" + XSUB);
        registry.add("hub.zeek.hello-interval", () -> "500ms");
        registry.add("hub.zeek.control-enabled", () -> "true");
        registry.add("hub.dispatch.interval", () -> "250ms");
        registry.add("hub.subscription.default-socket-events", () -> "false");
    }

    @TempDir
    Path dir;

    @LocalServerPort
    int port;

    @Autowired
    HostService hosts;

    @Autowired
    MeterRegistry meters;

    @Test
    void seedStyleScriptsRunUnchangedAndTheSocketEventsScriptLogsTypedRows() throws Exception {
        try (AgentSimulator sim = new AgentSimulator("tcp://127.0.0.1:" + XPUB, "tcp://127.0.0.1:" + XSUB)) {
            sim.start(new SimHost("zeek-compat-1", "compat.example.net", "10.9.4.1", List.of("linux")));
            await().atMost(LIMIT)
                    .until(() -> hosts.find("zeek-compat-1")
                            .map(h -> h.status() == HostStatus.ONLINE)
                            .orElse(false));
            // "." is first on Zeek's default ZEEKPATH: the package and the shim standing in for "zeek-agent".
            Files.createSymbolicLink(dir.resolve("zeek-agent-hub"), ZeekBinary.PACKAGE.toRealPath());
            Files.createSymbolicLink(
                    dir.resolve("zeek-agent"),
                    ZeekBinary.PACKAGE.resolve("compat/shim/zeek-agent").toRealPath());
            copy("socket-events.zeek");
            copy("listening-ports.zeek");
            Files.writeString(dir.resolve("run.zeek"), """
                    redef Cluster::Backend::ZeroMQ::connect_xsub_endpoint = "tcp://127.0.0.1:%d";
                    redef Cluster::Backend::ZeroMQ::connect_xpub_endpoint = "tcp://127.0.0.1:%d";
                    redef ZeekAgentHub::compat_name = "zeek-it";
                    redef exit_only_after_terminate = T;
                    global rows = 0;
                    # The script's event is not exported: count the rows its handler logs instead.
                    hook Log::log_stream_policy(rec: any, id: Log::ID) &priority=-10
                    	{
                    	if ( id == SocketEventsCompat::LOG && ++rows == 3 )
                    		terminate();
                    	}
                    event give_up() { terminate(); }
                    event zeek_init() { schedule 90sec { give_up() }; }
                    """.formatted(XPUB, XSUB), StandardCharsets.UTF_8);

            ZeekBinary.Run run = ZeekBinary.run(
                    dir,
                    LIMIT,
                    "-b",
                    "zeek-agent-hub/compat",
                    "socket-events.zeek",
                    "listening-ports.zeek",
                    "run.zeek");

            assertThat(run.exitCode()).as(run.output()).isZero();
            List<String> socketLog = Files.readAllLines(dir.resolve("agent-socket_events.log"));
            assertThat(socketLog.stream().filter(l -> !l.startsWith("#")))
                    .as(run.output())
                    .hasSizeGreaterThanOrEqualTo(3)
                    .allMatch(l -> l.contains("zeek-compat-1") && l.contains("compat.example.net"));
            assertThat(Files.readString(dir.resolve("zeek-agent.log"))).contains("Subscribing to event");
            HubHttp http = new HubHttp(port);
            assertThat(http.get("/api/v1/subscriptions?size=100").json().get("content"))
                    .allMatch(s -> s.get("owner").asString().equals("zeek:zeek-it"))
                    .hasSize(2);
        }
    }

    private void copy(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/zeek/compat/" + name)) {
            Files.write(dir.resolve(name), in.readAllBytes());
        }
    }
}
