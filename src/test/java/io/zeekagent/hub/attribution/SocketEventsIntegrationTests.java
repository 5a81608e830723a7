package io.zeekagent.hub.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.ZeekAgentHubApplication;
import io.zeekagent.hub.host.HostAddressLookup;
import io.zeekagent.hub.host.HostAddresses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * End to end over real HTTP: socket events posted, attributed, and still attributed after a restart on the same
 * H2 file (the index is rebuilt from the database before the endpoints answer).
 */
class SocketEventsIntegrationTests {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The host feature is another engineer's; this stands in for it. */
    @Configuration(proxyBeanMethods = false)
    static class Hosts {
        @Bean
        HostAddressLookup testHosts() {
            return () -> List.of(
                    new HostAddresses("client", "client.lan", Set.of("10.0.0.1")),
                    new HostAddresses("server", "server.lan", Set.of("10.0.0.2")));
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments: they outrank the test-wide config/application.properties (in-memory H2).
        return new SpringApplicationBuilder(ZeekAgentHubApplication.class, Hosts.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:"
                                + dir.resolve("hub").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    private HttpResponse<String> post(ConfigurableApplicationContext ctx, String path, String type, String body)
            throws Exception {
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void postedEventsAreAttributedAndSurviveARestart() throws Exception {
        String events = """
                [{"hostId": "client", "syscall": "connect", "pid": 7, "exe": "/usr/bin/curl", "protocol": "tcp",
                  "remoteAddress": "10.0.0.2", "remotePort": 443, "time": %d},
                 {"hostId": "server", "syscall": "bind", "exe": "/usr/sbin/nginx", "localAddress": "0.0.0.0",
                  "localPort": 443, "time": %d}]""".formatted(nowSeconds(), nowSeconds() - 600);
        String record = "{\"uid\":\"C1\",\"ts\":" + nowSeconds() + ",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":50000,"
                + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":443,\"proto\":\"tcp\"}";
        String seuids;
        String firstAnswer;
        try (ConfigurableApplicationContext ctx = start()) {
            HttpResponse<String> created = post(ctx, "/api/v1/socket-events", "application/json", events);
            assertThat(created.statusCode()).isEqualTo(201);
            seuids = created.body();
            HttpResponse<String> attributed = post(ctx, "/api/v1/attributions", "application/json", record);
            assertThat(attributed.statusCode()).isEqualTo(200);
            firstAnswer = attributed.body();
            assertThat(firstAnswer)
                    .contains("\"orig_seuids\":[\"" + seuid(seuids, 0) + "\"]")
                    .contains("\"resp_seuids\":[\"" + seuid(seuids, 1) + "\"]");
            HttpResponse<String> batch = post(ctx, "/api/v1/attributions/batch", "application/x-ndjson", record + "\n");
            assertThat(batch.body()).contains(seuid(seuids, 0));
        }
        assertThat(Files.list(dir)).isNotEmpty();
        try (ConfigurableApplicationContext ctx = start()) {
            HttpResponse<String> attributed = post(ctx, "/api/v1/attributions", "application/json", record);
            assertThat(attributed.statusCode()).isEqualTo(200);
            assertThat(attributed.body()).isEqualTo(firstAnswer);
        }
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    private static String seuid(String seuidsJson, int index) {
        return seuidsJson
                .replaceAll(".*\\[", "")
                .replaceAll("].*", "")
                .replace("\"", "")
                .split(",")[index];
    }
}
