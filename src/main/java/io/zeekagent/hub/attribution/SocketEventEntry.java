package io.zeekagent.hub.attribution;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored socket event as the attribution index takes it: what ingestion committed, with its seuid.
 *
 * @param seuid the hub-assigned id ({@link Seuid})
 * @param hostId the host that reported it
 * @param syscall {@code bind}, {@code connect}, a v2 socket state, or {@code null}
 * @param pid process id, or {@code null}
 * @param exe executable path or process name, or {@code null}
 * @param uid user id, or {@code null}
 * @param protocol {@code tcp}, {@code udp}, {@code icmp}, or {@code null} when unknown
 * @param localAddress local address; empty, {@code null}, {@code 0.0.0.0} or {@code ::} are wildcards
 * @param localPort local port; {@code null} or 0 is a wildcard
 * @param remoteAddress remote address, wildcards as for the local one
 * @param remotePort remote port, wildcards as for the local one
 * @param time when the agent saw it, or {@code null} when unknown
 * @param receivedAt when the hub stored it (retention counts from here)
 */
public record SocketEventEntry(
        String seuid,
        String hostId,
        @Nullable String syscall,
        @Nullable Long pid,
        @Nullable String exe,
        @Nullable Long uid,
        @Nullable String protocol,
        @Nullable String localAddress,
        @Nullable Integer localPort,
        @Nullable String remoteAddress,
        @Nullable Integer remotePort,
        @Nullable Instant time,
        Instant receivedAt) {}
