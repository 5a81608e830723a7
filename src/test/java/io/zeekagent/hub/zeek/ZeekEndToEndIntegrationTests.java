package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.support.HubHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A real Zeek with the package reads a trace this test writes, against the whole hub on random ports fed with
 * matching socket events, and writes conn.log with the seuids of both sides; with no hub, the same records are
 * written at once without them. Disabled, with a message, where no {@code zeek} is on {@code PATH}.
 *
 * <p>The trace is read with {@code --pseudo-realtime} so that network time follows the wall clock (plain {@code -r}
 * never lets a delay be answered, see the package docs), processing is suspended until the hub's hello arrives, and
 * the script terminates Zeek once every record is written.
 */
@EnabledIf(value = "io.zeekagent.hub.zeek.ZeekBinary#available", disabledReason = ZeekBinary.ABSENT)
@Import(ApiKeyTestConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ZeekEndToEndIntegrationTests {

    private static final int[] PORTS = ZeekTestPorts.distinct(2);
    private static final int XPUB = PORTS[0];
    private static final int XSUB = PORTS[1];
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("hub.zeromq.xpub-endpoint", () -> "tcp://127.0.0.1:" + XPUB);
        registry.add("hub.zeromq.xsub-endpoint", () -> "tcp://127.0.0.1:" + XSUB);
        registry.add("hub.zeek.hello-interval", () -> "1s");
    }

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void connLogCarriesTheSeuidsOfBothSidesFromTheRunningHub() throws Exception {
        HubHttp http = new HubHttp(port);
        long now = Instant.now().getEpochSecond();
        http.post("/api/v1/hosts", "{\"hostId\":\"e2e-client\",\"addresses\":[\"10.0.0.1\"]}");
        http.post("/api/v1/hosts", "{\"hostId\":\"e2e-server\",\"addresses\":[\"10.0.0.2\"]}");
        JsonNode created = http.post("/api/v1/socket-events", """
                        [{"hostId": "e2e-client", "syscall": "connect", "pid": 7, "exe": "/usr/bin/curl",
                          "protocol": "tcp", "remoteAddress": "10.0.0.2", "remotePort": 443, "time": %d},
                         {"hostId": "e2e-server", "syscall": "bind", "localAddress": "0.0.0.0",
                          "localPort": 443, "protocol": "tcp", "time": %d}]""".formatted(now, now - 600))
                .json();
        String client = created.get("seuids").get(0).asString();
        String server = created.get("seuids").get(1).asString();
        TracePcap.write(dir.resolve("trace.pcap"), Instant.now(), 2);
        Files.writeString(dir.resolve("e2e.zeek"), script(XPUB, XSUB, true, 2), StandardCharsets.UTF_8);

        ZeekBinary.Run run = ZeekBinary.run(
                dir, LIMIT, "--pseudo-realtime", "-r", "trace.pcap", ZeekBinary.PACKAGE.toString(), "e2e.zeek");

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<Map<String, String>> conn = readLog(dir.resolve("conn.log"));
        assertThat(conn).as(run.output()).hasSize(2);
        assertThat(conn)
                .allSatisfy(row -> assertThat(row.get("resp_seuids")).isEqualTo(server))
                .anySatisfy(row -> assertThat(row.get("orig_seuids")).isEqualTo(client))
                .allSatisfy(row -> assertThat(row.get("attribution_complete")).isEqualTo("-"));
    }

    @Test
    void withoutAHubRecordsAreWrittenAtOnceWithoutTheColumns() throws Exception {
        int nobody = ZeekTestPorts.distinct(1)[0];
        TracePcap.write(dir.resolve("trace.pcap"), Instant.now(), 3);
        Files.writeString(dir.resolve("down.zeek"), script(nobody, nobody, false, 3), StandardCharsets.UTF_8);
        long started = System.nanoTime();

        ZeekBinary.Run run = ZeekBinary.run(dir, LIMIT, "-r", "trace.pcap", ZeekBinary.PACKAGE.toString(), "down.zeek");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(readLog(dir.resolve("conn.log")))
                .hasSize(3)
                .allSatisfy(row -> assertThat(row.get("orig_seuids")).isEqualTo("-"))
                .allSatisfy(row -> assertThat(row.get("resp_seuids")).isEqualTo("-"));
    }

    /** The test's local.zeek: hub endpoints, pseudo-realtime settings, and termination after the last record. */
    private static String script(int xpub, int xsub, boolean waitForHub, int records) {
        return """
                redef Cluster::Backend::ZeroMQ::connect_xsub_endpoint = "tcp://127.0.0.1:%d";
                redef Cluster::Backend::ZeroMQ::connect_xpub_endpoint = "tcp://127.0.0.1:%d";
                redef tcp_close_delay = 0secs;
                redef detect_filtered_trace = F;
                %s
                global written = 0;

                hook Conn::log_policy(rec: Conn::Info, id: Log::ID, filter: Log::Filter)
                	{
                	++written;
                	if ( written == %d )
                		terminate();
                	}
                """.formatted(xpub, xsub, waitForHub ? """
                                redef exit_only_after_terminate = T;
                                event zeek_init() { suspend_processing(); }
                                event ZeekAgentHub::hub_up(hub_id: string, version: string) { continue_processing(); }
                                """ : "", records);
    }

    /** Rows of a Zeek ASCII log as column name to text. */
    private static List<Map<String, String>> readLog(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        String[] fields = new String[0];
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#fields")) {
                fields = line.substring("#fields\t".length()).split("\t");
            } else if (!line.startsWith("#") && !line.isEmpty()) {
                String[] values = line.split("\t", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < fields.length && i < values.length; i++) {
                    row.put(fields[i], values[i]);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
