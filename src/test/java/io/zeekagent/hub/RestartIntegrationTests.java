package io.zeekagent.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.support.FileHub;
import io.zeekagent.hub.support.HubHttp;
import io.zeekagent.hub.support.HubHttp.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** What is created over HTTP survives a restart: the same H2 file database, closed and opened again. */
class RestartIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void groupHostAndSubscriptionSurviveARestart() {
        String subscriptionId;
        try (ConfigurableApplicationContext first = FileHub.start(dataDir)) {
            HubHttp http = FileHub.http(first);
            assertThat(http.post("/api/v1/groups", "{\"name\":\"dmz\",\"subnets\":[\"10.0.0.0/8\"]}")
                            .status())
                    .isEqualTo(201);
            assertThat(http.post("/api/v1/hosts", "{\"hostId\":\"h1\",\"groups\":[\"dmz\"]}")
                            .status())
                    .isEqualTo(201);
            Reply created = http.post(
                    "/api/v1/subscriptions",
                    "{\"name\":\"procs\",\"query\":\"SELECT pid, name FROM processes\",\"groups\":[\"dmz\"]}");
            assertThat(created.status()).isEqualTo(201);
            subscriptionId = created.json().get("id").asString();
        }

        try (ConfigurableApplicationContext second = FileHub.start(dataDir)) {
            HubHttp http = FileHub.http(second);
            assertThat(http.get("/actuator/health").json().get("status").asString())
                    .isEqualTo("UP");
            assertThat(http.get("/api/v1/groups/dmz")
                            .json()
                            .get("subnets")
                            .get(0)
                            .asString())
                    .isEqualTo("10.0.0.0/8");
            assertThat(http.get("/api/v1/hosts/h1")
                            .json()
                            .get("assignedGroups")
                            .get(0)
                            .asString())
                    .isEqualTo("dmz");
            Reply subscription = http.get("/api/v1/subscriptions/" + subscriptionId);
            assertThat(subscription.status()).isEqualTo(200);
            assertThat(subscription.json().get("columns").get(1).asString()).isEqualTo("name");
        }
    }
}
