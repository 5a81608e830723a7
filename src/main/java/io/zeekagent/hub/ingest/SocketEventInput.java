package io.zeekagent.hub.ingest;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One socket event to ingest, as an agent reported it (DESIGN §8). Empty or absent addresses and port 0 are
 * wildcards.
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp}, or {@code null} when unknown
 * @param time when the agent saw it, or {@code null}
 */
public record SocketEventInput(
        String hostId,
        @Nullable String syscall,
        @Nullable Long pid,
        @Nullable Long fd,
        @Nullable String exe,
        @Nullable Long uid,
        @Nullable Boolean success,
        @Nullable Integer family,
        @Nullable String protocol,
        @Nullable String localAddress,
        @Nullable Integer localPort,
        @Nullable String remoteAddress,
        @Nullable Integer remotePort,
        @Nullable Instant time) {}
