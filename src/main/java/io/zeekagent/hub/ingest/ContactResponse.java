package io.zeekagent.hub.ingest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One host process that contacted the swept address: the answer to "who talked to this IOC, and when".
 *
 * @param hostId the host
 * @param pid the process id, when the agent reported it
 * @param exe the executable, when reported
 * @param uid the user id the process ran as (the lowest seen), when reported
 * @param firstSeen the earliest event in the range
 * @param lastSeen the latest event in the range
 * @param events how many socket events
 */
@Schema(
        example = "{\"hostId\":\"e93716a7-8bc8-4485-bd8f-14e6b346aca3\",\"pid\":4242,\"exe\":\"/usr/bin/curl\","
                + "\"uid\":1000,\"firstSeen\":\"2026-11-30T00:00:00Z\",\"lastSeen\":\"2026-11-30T00:05:00Z\","
                + "\"events\":3}")
public record ContactResponse(
        String hostId,

        @Schema(
                types = {"integer", "null"},
                format = "int64")
        @Nullable
        Long pid,

        @Schema(types = {"string", "null"}) @Nullable String exe,

        @Schema(
                types = {"integer", "null"},
                format = "int64")
        @Nullable
        Long uid,

        Instant firstSeen,
        Instant lastSeen,
        long events) {}
