package io.zeekagent.hub.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link WebhookSignature} and {@link DestinationGuard}. */
class WebhookSignatureTests {

    @Test
    void signsTimestampDotBodyWithHmacSha256AsAReceiverRecomputesIt() {
        // Python: hmac.new(b"secret", b"1700000000." + b'{"a":1}', hashlib.sha256).hexdigest()
        assertThat(WebhookSignature.sign("secret", 1_700_000_000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686");
    }

    @Test
    void guardAllowsOnlyHttpUrlsResolvingIntoTheAllowedNetworks() {
        DestinationGuard guard = new DestinationGuard(List.of("192.168.0.0/16"));

        assertThat(guard.refusal("https://192.168.1.5/hook")).isEmpty();
        assertThat(guard.refusal("http://127.0.0.1:8080/actuator"))
                .get()
                .asString()
                .contains("outside");
        assertThat(guard.refusal("http://169.254.169.254/latest/meta-data/")).isPresent();
        assertThat(guard.refusal("http://[::ffff:127.0.0.1]/")).isPresent();
        assertThat(guard.refusal("file:///etc/passwd")).get().asString().contains("http");
        assertThat(guard.refusal("gopher://192.168.1.5/")).isPresent();
        assertThat(guard.refusal("http://u:p@192.168.1.5/")).get().asString().contains("credentials");
        assertThat(guard.refusal("not a url")).isPresent();
    }
}
