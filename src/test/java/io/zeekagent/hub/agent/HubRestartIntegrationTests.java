package io.zeekagent.hub.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.agent.sim.AgentSimulator;
import io.zeekagent.hub.agent.sim.SimHost;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.host.HostStatus;
import io.zeekagent.hub.support.FileHub;
import io.zeekagent.hub.support.HubHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A hub restarted on the same database and ports while agents keep running: no duplicate flood of subscribes,
 * nothing forgotten (deliveries, results routing, later changes still delivered).
 */
class HubRestartIntegrationTests {

    @TempDir
    Path dir;

    private final int xpub = FreePorts.next();
    private final int xsub = FreePorts.next();

    @Test
    void restartedHubNeitherRefloodsNorForgets() {
        try (AgentSimulator sim = new AgentSimulator("tcp://127.0.0.1:" + xpub, "tcp://127.0.0.1:" + xsub)) {
            SimHost h = new SimHost("restart-1", "restart-1.example.net", "10.7.0.1", List.of());
            String first;
            try (ConfigurableApplicationContext hub = start()) {
                HubHttp http = FileHub.http(hub);
                sim.start(h);
                await().until(() -> online(hub, h));
                first = create(http, "SELECT pid FROM process_events", h);
                await().until(() -> sim.runningCookies(h.hostId()).contains(first));
            }
            long subscribesBefore = subscribes(sim, h);

            try (ConfigurableApplicationContext hub = start()) {
                HubHttp http = FileHub.http(hub);
                await().atMost(Duration.ofSeconds(30)).until(() -> online(hub, h));
                String second = create(http, "SELECT pid, exe FROM process_events", h);

                await().until(() -> sim.runningCookies(h.hostId()).contains(second));
                assertThat(subscribes(sim, h)).isEqualTo(subscribesBefore + 1);
                assertThat(sim.runningCookies(h.hostId())).containsExactlyInAnyOrder(first, second);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> http.get("/api/v1/subscriptions/" + first + "/results")
                                        .json()
                                        .get("totalElements")
                                        .asLong()
                                > 0);
                assertThat(http.get("/api/v1/subscriptions/" + first + "/deliveries")
                                .json()
                                .toString())
                        .contains("SUBSCRIBED");
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return FileHub.start(
                dir,
                "--hub.zeromq.xpub-endpoint=tcp://127.0.0.1:" + xpub,
                "--hub.zeromq.xsub-endpoint=tcp://127.0.0.1:" + xsub,
                "--hub.dispatch.interval=250ms",
                "--hub.subscription.default-socket-events=false",
                "--hub.agent.reconnect-grace=5s");
    }

    private static boolean online(ConfigurableApplicationContext hub, SimHost h) {
        return hub.getBean(HostService.class)
                .find(h.hostId())
                .map(r -> r.status() == HostStatus.ONLINE)
                .orElse(false);
    }

    private static String create(HubHttp http, String query, SimHost h) {
        HubHttp.Reply r = http.post(
                "/api/v1/subscriptions",
                "{\"name\":\"restart\",\"query\":\"" + query + "\",\"intervalSeconds\":1,\"updateType\":\"ADDED\","
                        + "\"hosts\":[\"" + h.hostId() + "\"]}");
        assertThat(r.status()).as(r.json().toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static long subscribes(AgentSimulator sim, SimHost h) {
        return sim.received(h.hostId()).stream()
                .map(ZeekEvent::name)
                .filter("ZeekAgent::host_subscribe"::equals)
                .count();
    }
}
