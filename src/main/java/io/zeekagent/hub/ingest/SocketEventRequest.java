package io.zeekagent.hub.ingest;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One socket event in {@code POST /api/v1/socket-events}; validated by hand so that every problem of a batch
 * is reported at once with its index ({@code [3].localPort}).
 *
 * @param time epoch seconds (a JSON number, fractions allowed) or an ISO-8601 time
 */
public record SocketEventRequest(
        @Schema(example = "6d1f2c3b-agent", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
        String hostId,

        @Schema(example = "connect") @Nullable String syscall,
        @Schema(example = "4242") @Nullable Long pid,
        @Schema(example = "3") @Nullable Long fd,
        @Schema(example = "/usr/bin/curl") @Nullable String exe,
        @Schema(example = "1000") @Nullable Long uid,
        @Schema(example = "true") @Nullable Boolean success,
        @Schema(example = "2") @Nullable Integer family,

        @Schema(
                example = "tcp",
                allowableValues = {"tcp", "udp", "icmp"})
        @Nullable
        String protocol,

        @Schema(example = "") @Nullable String localAddress,
        @Schema(example = "0") @Nullable Integer localPort,
        @Schema(example = "93.184.216.34") @Nullable String remoteAddress,
        @Schema(example = "443") @Nullable Integer remotePort,

        @Schema(
                example = "2026-11-30T00:00:00Z",
                types = {"string", "number"})
        @Nullable
        String time) {}
