package io.zeekagent.hub.ingest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored socket event with its hub-assigned seuid and the time the hub received it. */
public record SocketEventResponse(
        @Schema(example = "S3kTq0n7RzW1Yb9XcP") String seuid,
        @Schema(example = "6d1f2c3b-agent") String hostId,
        @Schema(example = "connect") @Nullable String syscall,
        @Nullable Long pid,
        @Nullable Long fd,
        @Schema(example = "/usr/bin/curl") @Nullable String exe,
        @Nullable Long uid,
        @Nullable Boolean success,
        @Nullable Integer family,
        @Schema(example = "tcp") @Nullable String protocol,
        @Nullable String localAddress,
        @Nullable Integer localPort,
        @Schema(example = "93.184.216.34") @Nullable String remoteAddress,
        @Schema(example = "443") @Nullable Integer remotePort,
        @Nullable Instant time,
        Instant receivedAt) {}
