package io.zeekagent.hub.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a delivery: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>} with the
 * timestamp also sent as {@code X-Hub-Timestamp}, so a receiver can refuse old (replayed) deliveries.
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    static final String TIMESTAMP_HEADER = "X-Hub-Timestamp";

    private WebhookSignature() {}

    static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
