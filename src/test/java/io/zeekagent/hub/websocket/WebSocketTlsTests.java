package io.zeekagent.hub.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link WebSocketServerLifecycle} serving {@code wss://} from a configured keystore. */
class WebSocketTlsTests {

    @TempDir
    Path dir;

    @Test
    void servesTheWebSocketApiOverTlsFromAKeystore() throws Exception {
        Path keystore = dir.resolve("hub.p12");
        Process keytool = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "hub",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit"))
                .inheritIO()
                .start();
        assertThat(keytool.waitFor()).isZero();
        WebSocketProperties plain = WebSocketTestSupport.properties(1 << 20, 100);
        WebSocketProperties properties = new WebSocketProperties(
                true,
                plain.bindAddress(),
                0,
                plain.maxMessageBytes(),
                plain.sendQueueLimit(),
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                new WebSocketProperties.Tls(keystore.toString(), "changeit", "PKCS12"));
        WebSocketHub hub = new WebSocketHub("tls", "1", 100, new WebSocketMetrics(new SimpleMeterRegistry()));
        WebSocketServerLifecycle server = new WebSocketServerLifecycle(properties, hub);
        server.start();
        try {
            WebSocketTestClient client =
                    WebSocketTestClient.connect("wss://localhost:" + server.port() + WebSocketHub.PATH, trustAll());
            client.send("[]");

            assertThat(client.next()).startsWith("{\"type\":\"ack\"");
            assertThat(server.tls()).isTrue();
            client.closeBlocking();
        } finally {
            server.stop();
        }
    }

    /** The agent does not verify the hub's certificate by default either; the test only checks the encryption. */
    private static SSLContext trustAll() throws Exception {
        X509TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {any}, new SecureRandom());
        return context;
    }
}
