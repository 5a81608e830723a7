package io.zeekagent.hub.zeromq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeekagent.hub.security.ApiKeyTestConfiguration;
import io.zeekagent.hub.security.TestApiKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Tests for the bridge inside the whole application: actuator health and metrics over HTTP. */
@Import(ApiKeyTestConfiguration.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.zeromq.xpub-endpoint=tcp://127.0.0.1:0",
            "hub.zeromq.xsub-endpoint=tcp://127.0.0.1:0",
            "spring.datasource.url=jdbc:h2:mem:zeromq-it;DB_CLOSE_DELAY=-1"
        })
class ZeromqIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private AgentChannel channel;

    @Test
    void exposesBridgeHealthAndMetricsThroughTheActuator() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(channel::isReady);

        String health = get("/actuator/health");
        String messages = get("/actuator/metrics/hub.zeromq.messages");
        String drops = get("/actuator/metrics/hub.zeromq.drops");

        assertThat(health).contains("\"zeromq\"").contains(channel.nodeId()).contains("\"xpubBound\"");
        assertThat(messages).contains("\"direction\"").contains("\"in\"").contains("\"out\"");
        assertThat(drops).contains("\"frame-count\"").contains("\"self-echo\"").contains("\"send-hwm\"");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header(TestApiKeys.HEADER, TestApiKeys.ADMIN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
