package io.zeekagent.hub.host;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Registers a host before its agent connects, so it can be assigned addresses and groups in advance.
 *
 * @param hostId the id the agent will announce (machine UUID, or its hostname)
 * @param hostname a hostname to show until the agent announces its own
 * @param addresses addresses to assign (IPv4 or IPv6 literals)
 * @param groups defined groups to assign the host to
 */
@Schema(description = "A host to register before its agent connects")
public record PreRegisterHostRequest(
        @Schema(example = "e93716a7-8bc8-4485-bd8f-14e6b346aca3")
        @NotNull
        @Pattern(regexp = HostIds.PATTERN, message = HostIds.MESSAGE)
        String hostId,

        @Schema(example = "web-01.example.com", nullable = true) @Size(max = 255) @Nullable
        String hostname,

        @Schema(example = "[\"10.0.0.5\"]", nullable = true) @Size(max = 256) @Nullable
        Set<String> addresses,

        @Schema(example = "[\"web\"]", nullable = true) @Size(max = 256) @Nullable
        Set<String> groups) {}
