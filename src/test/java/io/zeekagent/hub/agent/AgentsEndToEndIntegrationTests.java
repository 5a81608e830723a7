package io.zeekagent.hub.agent;

import static io.zeekagent.hub.broker.BrokerValue.count;
import static io.zeekagent.hub.broker.BrokerValue.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.agent.sim.AgentSimulator;
import io.zeekagent.hub.agent.sim.SimHost;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.host.HostStatus;
import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.support.HubHttp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * End to end over real ZeroMQ and real HTTP: simulated v1 agents against a whole hub on random ports.
 */
@Import(ApiKeyTestConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgentsEndToEndIntegrationTests {

    private static final int XPUB = FreePorts.next();
    private static final int XSUB = FreePorts.next();
    private static final String RES_T = "/zeek/zeek-agent/zeek/ZeekMaster";
    private static AgentSimulator sim;

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("hub.zeromq.xpub-endpoint", () -> "tcp://127.0.0.1:" + XPUB);
        registry.add("hub.zeromq.xsub-endpoint", () -> "tcp://127.0.0.1:" + XSUB);
        registry.add("hub.dispatch.interval", () -> "250ms");
        // The tests count exactly what each agent is sent; the default socket-event subscription would add to it.
        registry.add("hub.subscription.default-socket-events", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    HostService hosts;

    @Autowired
    MeterRegistry meters;

    HubHttp http;

    @BeforeAll
    static void startSimulator() {
        sim = new AgentSimulator("tcp://127.0.0.1:" + XPUB, "tcp://127.0.0.1:" + XSUB);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    @Test
    void announcedAgentIsOnlineAndGetsItsSubscriptionOnItsHostTopicWithTheRightArguments() {
        SimHost h = start("deliver-1");
        String id = subscribe("SELECT pid, exe FROM process_events", 1, "ADDED", h.hostId());

        await().until(() -> sim.runningCookies(h.hostId()).contains(id));
        ZeekEvent subscribe = lastNamed(h, "ZeekAgent::host_subscribe");
        assertThat(subscribe.args())
                .containsExactly(
                        string("ZeekAgent::query_result"),
                        string("SELECT pid, exe FROM process_events"),
                        string(id),
                        string(RES_T),
                        string("ADDED"),
                        count(1));
        assertThat(hosts.get(h.hostId()).status()).isEqualTo(HostStatus.ONLINE);
        assertThat(hosts.get(h.hostId()).transport()).isEqualTo("zeromq-v1");
        JsonNode deliveries =
                http.get("/api/v1/subscriptions/" + id + "/deliveries").json();
        assertThat(deliveries.get("content").get(0).get("hostId").asString()).isEqualTo(h.hostId());
        assertThat(deliveries.get("content").get(0).get("state").asString()).isEqualTo("SUBSCRIBED");
    }

    @Test
    void aQueryNamingOsquerysSocketEventColumnsIsListedNotApplicableAndNeverSentToAV1Agent() {
        SimHost h = start("deliver-osquery-columns");
        String osquery = subscribe("SELECT action, path, status FROM socket_events", 1, "ADDED", h.hostId());
        String v1 = subscribe("SELECT syscall, exe FROM socket_events", 1, "ADDED", h.hostId());

        await().until(() -> sim.runningCookies(h.hostId()).contains(v1));
        await().until(() -> "NOT_APPLICABLE".equals(deliveryState(osquery)));
        JsonNode row = http.get("/api/v1/subscriptions/" + osquery + "/deliveries")
                .json()
                .get("content")
                .get(0);
        assertThat(row.get("message").asString()).contains("zeromq-v1");
        assertThat(sim.runningCookies(h.hostId())).doesNotContain(osquery);
    }

    private String deliveryState(String subscriptionId) {
        JsonNode content = http.get("/api/v1/subscriptions/" + subscriptionId + "/deliveries")
                .json()
                .get("content");
        return content.isEmpty() ? "" : content.get(0).get("state").asString();
    }

    @Test
    void rowsOfAResultsSubscriptionAreStoredKeyedByColumnName() {
        SimHost h = start("rows-1");
        String id = subscribe("SELECT pid, exe AS program FROM process_events", 1, "ADDED", h.hostId());

        await().atMost(Duration.ofSeconds(15))
                .until(() -> http.get("/api/v1/subscriptions/" + id + "/results?host=" + h.hostId())
                                .json()
                                .get("totalElements")
                                .asLong()
                        > 0);
        JsonNode row = http.get("/api/v1/subscriptions/" + id + "/results")
                .json()
                .get("content")
                .get(0);
        assertThat(row.get("hostId").asString()).isEqualTo(h.hostId());
        assertThat(row.get("updateType").asString()).isEqualTo("ADD");
        assertThat(row.get("row").get("pid").isNumber()).isTrue();
        assertThat(row.get("row").get("program").asString()).startsWith("/usr/");
    }

    @Test
    void editedSubscriptionIsUnsubscribedWithItsOldArgumentsThenResubscribedAndDeletedOneUnsubscribed() {
        SimHost h = start("edit-1");
        String id = subscribe("SELECT pid FROM process_events", 5, "ADDED", h.hostId());
        await().until(() -> sim.runningCookies(h.hostId()).contains(id));

        http.put("/api/v1/subscriptions/" + id, body("SELECT pid, exe FROM process_events", 7, "BOTH", h.hostId()));

        await().until(() -> named(h, "ZeekAgent::host_subscribe").size() == 2);
        ZeekEvent unsubscribe = lastNamed(h, "ZeekAgent::host_unsubscribe");
        assertThat(unsubscribe.args().get(1)).isEqualTo(string("SELECT pid FROM process_events"));
        assertThat(unsubscribe.args().get(5)).isEqualTo(count(5));
        assertThat(lastNamed(h, "ZeekAgent::host_subscribe").args().get(5)).isEqualTo(count(7));
        assertThat(sim.runningCookies(h.hostId())).containsExactly(id);

        assertThat(http.delete("/api/v1/subscriptions/" + id).status()).isEqualTo(204);

        await().until(() -> sim.runningCookies(h.hostId()).isEmpty());
        assertThat(named(h, "ZeekAgent::host_unsubscribe")).hasSize(2);
    }

    @Test
    void disconnectedAgentGoesOfflineAndOnReconnectGetsEverythingAgain() {
        SimHost h = start("reconnect-1");
        String id = subscribe("SELECT pid FROM process_events", 5, "ADDED", h.hostId());
        await().until(() -> sim.runningCookies(h.hostId()).contains(id));

        sim.disconnect(h.hostId());
        await().until(() -> hosts.get(h.hostId()).status() == HostStatus.OFFLINE);

        sim.reconnect(h.hostId());
        await().until(() -> sim.runningCookies(h.hostId()).contains(id));
        assertThat(hosts.get(h.hostId()).status()).isEqualTo(HostStatus.ONLINE);
        assertThat(named(h, "ZeekAgent::host_subscribe")).hasSize(2);
        JsonNode activity =
                http.get("/api/v1/activity?peer=" + h.hostId() + "&size=50").json();
        assertThat(activity.toString()).contains("host reconnected", "Zeek Agent host disconnected");
    }

    @Test
    void oneShotQueryAnsweredByTwoOfThreeAgentsListsTheThirdAsPending() {
        SimHost a = start("oneshot-a");
        SimHost b = start("oneshot-b");
        SimHost c = start("oneshot-c");
        sim.answersExecute(c.hostId(), false);

        HubHttp.Reply accepted = http.post(
                "/api/v1/queries",
                "{\"query\":\"SELECT hostname, uuid FROM host_information\",\"hosts\":[\"" + a.hostId() + "\",\""
                        + b.hostId() + "\",\"" + c.hostId() + "\"]}");
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().get("id").asString();

        JsonNode answer = http.get("/api/v1/queries/" + id + "?waitSeconds=3").json();

        assertThat(answer.get("complete").asBoolean()).isFalse();
        assertThat(answer.get("pending").toString()).isEqualTo("[\"" + c.hostId() + "\"]");
        assertThat(answer.toString()).contains("\"uuid\":\"" + a.hostId() + "\"", "\"uuid\":\"" + b.hostId() + "\"");
        ZeekEvent execute = lastNamed(a, "ZeekAgent::host_execute");
        assertThat(execute.args().get(4)).isEqualTo(string("SNAPSHOT"));
        assertThat(execute.args()).hasSize(5);
    }

    @Test
    void malformedAnnouncementsAndRowsWithUnknownCookiesAreDroppedCountedAndLogged() {
        double malformedBefore = counter("hub.agent.malformed", "event", "host_new");
        double unknownBefore = counter("hub.results.dropped", "reason", "unknown_cookie");

        sim.publish("/zeek/zeek-agent/host_announce", ZeekEvent.of("ZeekAgent::host_new", string("only-one-arg")));
        sim.publish(
                RES_T,
                ZeekEvent.of(
                        "ZeekAgent::query_result",
                        BrokerValue.vector(
                                string("ghost"), BrokerValue.enumValue("ZeekAgent::ADD"), string("no-such-cookie")),
                        string("x")));

        await().until(() -> counter("hub.agent.malformed", "event", "host_new") > malformedBefore
                && counter("hub.results.dropped", "reason", "unknown_cookie") > unknownBefore);
        await().until(() -> http.get("/api/v1/activity?level=warning&size=100")
                .json()
                .toString()
                .contains("no-such-cookie"));
        assertThat(http.get("/api/v1/activity?level=warning&size=100").json().toString())
                .contains("Dropped malformed ZeekAgent::host_new");
        SimHost h = start("after-garbage");
        assertThat(hosts.get(h.hostId()).status()).isEqualTo(HostStatus.ONLINE);
    }

    private SimHost start(String name) {
        SimHost h = new SimHost(
                name, name + ".example.net", "10.9.0." + (Math.abs(name.hashCode()) % 250 + 1), List.of("linux"));
        sim.start(h);
        await().until(() ->
                hosts.find(h.hostId()).map(r -> r.status() == HostStatus.ONLINE).orElse(false));
        return h;
    }

    private String subscribe(String query, int interval, String utype, String hostId) {
        HubHttp.Reply r = http.post("/api/v1/subscriptions", body(query, interval, utype, hostId));
        assertThat(r.status()).as(r.json().toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static String body(String query, int interval, String utype, String hostId) {
        return "{\"name\":\"e2e\",\"query\":\"" + query + "\",\"intervalSeconds\":" + interval + ",\"updateType\":\""
                + utype + "\",\"hosts\":[\"" + hostId + "\"]}";
    }

    private static List<ZeekEvent> named(SimHost h, String name) {
        return sim.received(h.hostId()).stream()
                .filter(e -> e.name().equals(name))
                .toList();
    }

    private static ZeekEvent lastNamed(SimHost h, String name) {
        List<ZeekEvent> events = named(h, name);
        assertThat(events).as(name + " received by " + h.hostId()).isNotEmpty();
        return events.get(events.size() - 1);
    }

    private double counter(String name, String tag, String value) {
        var c = meters.find(name).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }
}
