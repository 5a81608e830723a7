package io.zeekagent.hub.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.support.FileHub;
import io.zeekagent.hub.support.HubHttp;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * What a Zeek Agent v2 reports in its hello (platform, OS, kernel, tables) is on the host resource and is still
 * there after the hub restarts on the same H2 file, with the agent gone.
 */
class HostDetailsRestartIntegrationTests {

    private static final String AGENT = "Hdetails00000000000001";

    @TempDir
    Path dir;

    @Test
    void v2HostDetailsSurviveARestartAndV1HostsHaveNone() throws Exception {
        try (ConfigurableApplicationContext hub = FileHub.start(dir)) {
            HubHttp http = FileHub.http(hub);
            try (V2AgentSimulator agent = new V2AgentSimulator(
                    URI.create("ws://127.0.0.1:"
                            + hub.getBean(WebSocketServerLifecycle.class).port()),
                    AGENT,
                    SimulatedAgentOptions.defaults("details.example.net", "10.40.0.1")
                            .withTables(Set.of("sockets", "users")))) {
                agent.connect();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> http.get("/api/v1/hosts/" + AGENT)
                                .json()
                                .path("details")
                                .isObject());
            }
            assertThat(http.post("/api/v1/hosts", "{\"hostId\":\"v1-or-unseen\"}")
                            .status())
                    .isEqualTo(201);
        }

        try (ConfigurableApplicationContext hub = FileHub.start(dir)) {
            HubHttp http = FileHub.http(hub);
            JsonNode host = http.get("/api/v1/hosts/" + AGENT).json();
            assertThat(host.get("transport").asString()).isEqualTo("websocket-v2");
            JsonNode details = host.get("details");
            assertThat(details.get("platform").asString()).isEqualTo("Linux");
            assertThat(details.get("osName").asString()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
            assertThat(details.get("kernelName").asString()).isEqualTo("Linux");
            assertThat(details.get("kernelVersion").asString()).isEqualTo("6.1.0-18-amd64");
            assertThat(details.get("kernelArch").asString()).isEqualTo("x86_64");
            assertThat(details.get("tables").toString()).isEqualTo("[\"sockets\",\"users\"]");
            assertThat(http.get("/api/v1/hosts/v1-or-unseen")
                            .json()
                            .get("details")
                            .isNull())
                    .isTrue();
            assertThat(http.get("/api/v1/hosts?size=100").json().toString())
                    .contains("\"hostId\":\"" + AGENT + "\"")
                    .contains("\"kernelVersion\":\"6.1.0-18-amd64\"");
        }
    }
}
