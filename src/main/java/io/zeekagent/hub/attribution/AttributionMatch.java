package io.zeekagent.hub.attribution;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One socket event that matched one side of a connection, with the host and process behind it.
 *
 * @param side {@code orig} (the originator's host) or {@code resp} (the responder's host)
 * @param uid the numeric user id the agent reported with the socket event
 * @param user that uid's name on the host, when the host has answered a query on its {@code users} table
 */
public record AttributionMatch(
        @Schema(
                example = "orig",
                allowableValues = {"orig", "resp"})
        String side,

        @Schema(example = "S3kTq0n7RzW1Yb9XcP") String seuid,
        @Schema(example = "6d1f2c3b-agent") String hostId,
        @Schema(example = "laptop-17") @Nullable String hostname,
        @Schema(example = "4242") @Nullable Long pid,
        @Schema(example = "/usr/bin/curl") @Nullable String exe,
        @Schema(example = "1000") @Nullable Long uid,

        @Schema(
                description = "The name of `uid` on that host, once the host answered a query on its `users` table"
                        + " (a subscription or a one-shot query); null until then",
                example = "alice")
        @Nullable
        String user,

        @Schema(example = "connect") @Nullable String syscall,
        @Schema(example = "2026-11-30T00:00:00Z") @Nullable Instant time) {}
