package io.zeekagent.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.agent.sim.AgentSimulator;
import io.zeekagent.hub.agent.sim.SimHost;
import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.security.TestApiKeys;
import io.zeekagent.hub.support.HubHttp;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real headless Chromium against a whole hub with a simulated v1 agent: one hub context and one
 * browser session for every test, each test signing in afresh. Screenshots of every page go to
 * {@code target/console-screenshots/}. Skipped with a message when Debian's chromium and chromium-driver are absent.
 */
@Import(ApiKeyTestConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserIntegrationTests {

    private static final int XPUB = freePort();
    private static final int XSUB = freePort();
    private static final Duration SECONDS = Duration.ofSeconds(15);
    private static final String ENTER = "\uE007";
    private static AgentSimulator sim;
    private static Chromium browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.zeromq.xpub-endpoint", () -> "tcp://127.0.0.1:" + XPUB);
        registry.add("hub.zeromq.xsub-endpoint", () -> "tcp://127.0.0.1:" + XSUB);
        registry.add("hub.dispatch.interval", () -> "250ms");
        registry.add("hub.console.sample-interval", () -> "500ms");
    }

    @LocalServerPort
    int port;

    HubHttp http;

    @BeforeAll
    static void startBrowserAndSimulator() throws Exception {
        Assumptions.assumeTrue(
                Chromium.unavailable().isEmpty(), () -> Chromium.unavailable().orElseThrow());
        browser = Chromium.start(1280, 900);
        sim = new AgentSimulator("tcp://127.0.0.1:" + XPUB, "tcp://127.0.0.1:" + XSUB);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @BeforeEach
    void client() {
        http = new HubHttp(port);
        browser.resize(1280, 900);
    }

    @Test
    void refusesAWrongKeyWithAClearMessageAndKeepsNothing() throws Exception {
        open();
        browser.type("#api-key", "zah_not-a-key-of-this-hub-0000000000000000000" + ENTER);

        await().atMost(SECONDS)
                .until(() -> String.valueOf(browser.text("#login-message")).contains("not accepted"));
        assertThat(browser.script("return document.getElementById('nav').hidden"))
                .isEqualTo(true);
        assertThat(browser.number("return sessionStorage.length")).isZero();
        assertThat(browser.script("return location.href")).asString().doesNotContain("zah_");
        browser.screenshot("login-wrong-key");
    }

    @Test
    void showsASimulatedAgentOnlineWithinSecondsOnTheFleetPage() throws Exception {
        SimHost host = new SimHost("fleet-1", "fleet-1.example.net", "10.9.1.1", List.of("linux"));
        signIn(TestApiKeys.READER);
        sim.start(host);

        await().atMost(SECONDS)
                .until(() -> String.valueOf(browser.text("tr[data-host-id='fleet-1']"))
                        .contains("ONLINE"));
        assertThat(browser.text("tr[data-host-id='fleet-1']")).contains("v1 (ZeroMQ)", "10.9.1.1", "linux");
        assertThat(Long.parseLong(String.valueOf(browser.text("dd[data-status='ONLINE']"))))
                .isPositive();
        browser.screenshot("fleet");

        browser.resize(390, 844);
        assertThat(browser.number("return document.documentElement.scrollWidth - window.innerWidth"))
                .as("no sideways scrolling at phone width")
                .isLessThanOrEqualTo(0L);
        browser.screenshot("fleet-phone");
    }

    @Test
    void movesTheIngestChartAfterSocketEventsArePosted() throws Exception {
        signIn(TestApiKeys.READER);
        browser.open(url("/console/#/flow"));
        await().atMost(SECONDS).until(() -> browser.text("figure[data-series='ingest']") != null);
        double before = ingestTotal();

        String events =
                "[" + String.join(",", java.util.Collections.nCopies(25, event("flow-host", 40000, "/bin/true"))) + "]";
        assertThat(http.post("/api/v1/socket-events", events).status()).isEqualTo(201);

        await().atMost(SECONDS).until(() -> ingestTotal() >= before + 25);
        assertThat(browser.text("figure[data-series='ingest'] .value")).endsWith("/s");
        assertThat(browser.number("return document.querySelectorAll('figure[data-series=ingest] polyline').length"))
                .isOne();
        browser.screenshot("flow");
    }

    @Test
    void attributesAConnectionFromTheFormAndShowsTheProcess() throws Exception {
        SimHost host = new SimHost("attr-1", "attr-1.example.net", "10.9.2.1", List.of("linux"));
        sim.start(host);
        await().atMost(SECONDS)
                .until(() -> "ONLINE"
                        .equals(http.get("/api/v1/hosts/attr-1")
                                .json()
                                .path("status")
                                .asString()));
        String event = event("attr-1", 51515, "/usr/bin/curl");
        assertThat(http.post("/api/v1/socket-events", "[" + event + "]").status())
                .isEqualTo(201);
        signIn(TestApiKeys.READER);
        browser.open(url("/console/#/attribute"));

        browser.type("#attribute-tuple [name=orig_h]", "10.9.2.1");
        browser.type("#attribute-tuple [name=orig_p]", "51515");
        browser.type("#attribute-tuple [name=resp_h]", "93.184.216.34");
        browser.type("#attribute-tuple [name=resp_p]", "443");
        browser.type("#attribute-tuple [name=ts]", Instant.now().toString() + ENTER);

        await().atMost(SECONDS).until(() -> browser.text("table.matches") != null);
        assertThat(browser.text("table.matches tbody tr")).contains("attr-1.example.net", "/usr/bin/curl", "4242");
        browser.screenshot("attribute");

        // The same connection pasted as a Zeek TSV row with its #fields line (set as a value: typed tabs move focus).
        browser.script(
                "document.querySelector('#attribute-line textarea').value = arguments[0];"
                        + " document.getElementById('attribution').replaceChildren();",
                "#separator \\x09\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\n"
                        + Instant.now().getEpochSecond() + ".5\tCtsv1\t10.9.2.1\t51515\t93.184.216.34\t443\ttcp");
        browser.click("#attribute-line button");
        await().atMost(SECONDS)
                .until(() -> String.valueOf(browser.text("#attribution")).contains("uid Ctsv1"));
        assertThat(browser.text("table.matches tbody tr")).contains("/usr/bin/curl");

        browser.click("table.matches tbody tr a");
        await().atMost(SECONDS)
                .until(() -> String.valueOf(browser.text("dl.record")).contains("/usr/bin/curl"));
        browser.screenshot("socket-event");
    }

    @Test
    void listsAHostWhoseAgentLacksTheTableAsNotApplicableWithTheReason() throws Exception {
        SimHost host = new SimHost("subs-1", "subs-1.example.net", "10.9.3.1", List.of("linux"));
        sim.start(host);
        await().atMost(SECONDS)
                .until(() -> "ONLINE"
                        .equals(http.get("/api/v1/hosts/subs-1")
                                .json()
                                .path("status")
                                .asString()));
        HubHttp.Reply created = http.post("/api/v1/subscriptions", """
                {"name": "v2 processes", "query": "SELECT pid, name FROM processes", "intervalSeconds": 10,
                 "hosts": ["subs-1"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        signIn(TestApiKeys.READER);
        browser.open(url("/console/#/subscriptions"));

        await().atMost(SECONDS)
                .until(() -> browser.text("tr[data-host-id='subs-1'][data-state='NOT_APPLICABLE']") != null);
        assertThat(browser.text("tr[data-host-id='subs-1'][data-state='NOT_APPLICABLE']"))
                .contains("lacks table processes", "zeromq-v1");
        browser.screenshot("subscriptions");
    }

    @Test
    void showsTheActivityLogNewestFirstAndFiltersIt() throws Exception {
        sim.start(new SimHost("act-1", "act-1.example.net", "10.9.4.1", List.of("linux")));
        signIn(TestApiKeys.READER);
        browser.open(url("/console/#/activity"));

        await().atMost(SECONDS)
                .until(() -> String.valueOf(browser.text("table.activity")).contains("act-1"));
        browser.type("[name=text]", "act-1" + ENTER);
        await().atMost(SECONDS).until(() -> {
            Object rows = browser.script("return [...document.querySelectorAll('table.activity tbody tr')]"
                    + ".every(r => r.textContent.includes('act-1'))");
            return Boolean.TRUE.equals(rows);
        });
        browser.screenshot("activity");
    }

    private void open() {
        browser.open(url("/console/"));
        browser.script("sessionStorage.clear(); location.hash = ''; location.reload();");
        await().atMost(SECONDS)
                .until(() -> Boolean.FALSE.equals(
                        browser.script("const v = document.getElementById('login-view'); return v ? v.hidden : null")));
    }

    /** Signs in as a person would with the keyboard: type the key, press Enter. */
    private void signIn(String key) {
        open();
        browser.type("#api-key", key + ENTER);
        await().atMost(SECONDS)
                .until(() -> Boolean.FALSE.equals(browser.script("return document.getElementById('nav').hidden")));
    }

    private double ingestTotal() {
        Object total = browser.script(
                "const f = document.querySelector(\"figure[data-series='ingest']\"); return f ? f.dataset.total : null;");
        return total == null ? -1 : Double.parseDouble(total.toString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String event(String hostId, int localPort, String exe) {
        return "{\"hostId\":\"" + hostId + "\",\"syscall\":\"connect\",\"pid\":4242,\"exe\":\"" + exe
                + "\",\"uid\":1000,"
                + "\"success\":true,\"family\":2,\"protocol\":\"tcp\",\"localPort\":" + localPort
                + ",\"remoteAddress\":\"93.184.216.34\",\"remotePort\":443,\"time\":"
                + Instant.now().getEpochSecond()
                + "}";
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
