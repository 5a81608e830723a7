package io.zeekagent.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.host.HostAddresses;
import io.zeekagent.hub.host.HostAddressesChanged;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Attribution across both tiers on PostgreSQL (a private server, {@link PrivatePostgres}, so it can be stopped), as a
 * new user would try it: {@code max-events=1000} and 5,000 events; an evicted connect is found in the database
 * ({@code tier=database, complete=true}), a recent one in memory, a listener bound two hours ago from its pin, a
 * record older than retention says so, and with PostgreSQL stopped the memory answer comes back with
 * {@code complete=false, incomplete=[cold-tier-unavailable]} — never a 5xx.
 */
@Tag("postgres")
@EnabledIf(
        value = "io.zeekagent.hub.reliability.PrivatePostgres#canRun",
        disabledReason = "needs PostgreSQL server binaries under /usr/lib/postgresql (and runuser when root)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class ColdTierIntegrationTests {

    private static final String SERVER_HOST = "server";
    private static final String CLIENT_HOST = "client";
    private static PrivatePostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres = PrivatePostgres.start();
        registry.add("spring.datasource.url", postgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
        registry.add("hub.zeromq.xpub-endpoint", () -> "tcp://127.0.0.1:" + HubPorts.free());
        registry.add("hub.zeromq.xsub-endpoint", () -> "tcp://127.0.0.1:" + HubPorts.free());
        registry.add("hub.websocket.port", () -> String.valueOf(HubPorts.free()));
        registry.add("hub.security.admin-key", () -> HubProcess.ADMIN_KEY);
        registry.add("hub.attribution.max-events", () -> "1000");
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void attributesFromBothTiersAndSaysHowCompleteEachAnswerIs() throws Exception {
        HubClient http = new HubClient(port, HubProcess.ADMIN_KEY);
        events.publishEvent(new HostAddressesChanged(
                new HostAddresses(CLIENT_HOST, "client.lan", Set.of(SocketEvents.HOST_ADDRESS)), false));
        events.publishEvent(
                new HostAddressesChanged(new HostAddresses(SERVER_HOST, null, Set.of(SocketEvents.SERVER)), false));
        long now = Instant.now().getEpochSecond();
        HubClient.Reply bind = http.post(
                "/api/v1/socket-events",
                "[{\"hostId\":\"" + SERVER_HOST + "\",\"syscall\":\"bind\",\"protocol\":\"tcp\",\"localAddress\":"
                        + "\"0.0.0.0\",\"localPort\":8443,\"time\":" + (now - 7200) + "}]");
        assertThat(bind.status()).as(bind.body()).isEqualTo(201);
        String bindSeuid = bind.json().get("seuids").get(0).asString();
        HubClient.Reply old = http.post("/api/v1/socket-events", SocketEvents.batch(CLIENT_HOST, 0, 1, now - 3600));
        String oldSeuid = old.json().get("seuids").get(0).asString();
        assertThat(http.post("/api/v1/socket-events", SocketEvents.batch(CLIENT_HOST, 1, 4999, now - 10))
                        .status())
                .isEqualTo(201);

        JsonNode fromDatabase = attribute(http, SocketEvents.connection(0, now - 3600));
        assertThat(fromDatabase.get("orig_seuids").get(0).asString()).isEqualTo(oldSeuid);
        assertThat(fromDatabase.get("tier").asString()).isEqualTo("database");
        assertThat(fromDatabase.get("complete").asBoolean()).isTrue();
        assertThat(fromDatabase.get("matches").get(0).get("hostname").asString())
                .isEqualTo("client.lan");

        JsonNode fromMemory = attribute(http, SocketEvents.connection(4999, now - 10));
        assertThat(fromMemory.get("orig_seuids")).hasSize(1);
        assertThat(fromMemory.get("tier").asString()).isEqualTo("memory");
        assertThat(fromMemory.get("complete").asBoolean()).isTrue();

        String listener = "{\"ts\":" + now + ",\"id.orig_h\":\"192.0.2.9\",\"id.orig_p\":5555,\"id.resp_h\":\""
                + SocketEvents.SERVER + "\",\"id.resp_p\":8443,\"proto\":\"tcp\"}";
        JsonNode pinned = attribute(http, listener);
        assertThat(pinned.get("resp_seuids").get(0).asString()).isEqualTo(bindSeuid);
        assertThat(pinned.get("tier").asString()).isEqualTo("memory");

        JsonNode expired = attribute(http, SocketEvents.connection(0, now - 25 * 3600));
        assertThat(expired.get("complete").asBoolean()).isFalse();
        assertThat(expired.get("incomplete").get(0).asString()).isEqualTo("retention");

        postgres.stopServer();
        try {
            JsonNode down = attribute(http, SocketEvents.connection(0, now - 3600));
            assertThat(down.get("complete").asBoolean()).isFalse();
            assertThat(down.get("incomplete")).hasSize(1);
            assertThat(down.get("incomplete").get(0).asString()).isEqualTo("cold-tier-unavailable");
            JsonNode pinnedWhileDown = attribute(http, listener);
            assertThat(pinnedWhileDown.get("resp_seuids").get(0).asString()).isEqualTo(bindSeuid);
        } finally {
            postgres.startServer();
        }
    }

    private static JsonNode attribute(HubClient http, String record) throws Exception {
        HubClient.Reply reply = http.post("/api/v1/attributions", record);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
