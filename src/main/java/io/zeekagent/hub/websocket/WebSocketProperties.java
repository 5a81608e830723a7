package io.zeekagent.hub.websocket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the WebSocket server Zeek Agent v2 connects to ({@code zeek-agent -z hub:9997}).
 *
 * @param enabled whether the server runs at all
 * @param bindAddress the address the server listens on
 * @param port the port; 9997 is the agent's default, 0 picks a free one
 * @param maxMessageBytes largest message (frame, or fragments together) accepted; larger ones close with 1009
 * @param sendQueueLimit frames queued to one connection before it counts as a reader that does not read and is
 *     closed (the agent reconnects and everything is delivered again)
 * @param helloInterval period of {@code zeek_hello_v1} to every agent; at most 60 s, as the agent expires a Zeek
 *     instance (and cancels its queries) after 120 s of silence
 * @param agentTimeout a connected agent without a hello for this long is closed and marked OFFLINE
 * @param tls TLS from a keystore; plain {@code ws://} when no keystore is configured
 */
@Validated
@ConfigurationProperties("hub.websocket")
public record WebSocketProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("9997") @Min(0) @Max(65535) int port,
        @DefaultValue("1048576") @Min(1024) int maxMessageBytes,
        @DefaultValue("10000") @Min(1) int sendQueueLimit,
        @DefaultValue("30s") @DurationMax(seconds = 60) Duration helloInterval,
        @DefaultValue("10m") Duration agentTimeout,
        @DefaultValue @Valid Tls tls) {

    /**
     * TLS for the WebSocket port ({@code wss://}).
     *
     * @param keystore path of the keystore holding the server's key and certificate; empty for plain WebSocket
     * @param keystorePassword password of the keystore and its key
     * @param keystoreType keystore type, {@code PKCS12} or {@code JKS}
     */
    public record Tls(
            @Nullable String keystore,
            @DefaultValue("") String keystorePassword,
            @DefaultValue("PKCS12") String keystoreType) {

        /** Whether a keystore is configured. */
        public boolean enabled() {
            return keystore != null && !keystore.isBlank();
        }
    }
}
