package io.zeekagent.hub.host;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Changes what is assigned to a host over REST; an absent field is left as it is, a present one replaces the set.
 *
 * @param addresses the addresses assigned to the host (IPv4 or IPv6 literals)
 * @param groups the defined groups the host is assigned to
 */
@Schema(description = "Assigned addresses and groups; absent fields are unchanged, present ones replace the set")
public record UpdateHostRequest(
        @Schema(example = "[\"10.0.0.5\", \"2001:db8::5\"]", nullable = true) @Size(max = 256) @Nullable
        Set<String> addresses,

        @Schema(example = "[\"web\", \"dmz\"]", nullable = true) @Size(max = 256) @Nullable
        Set<String> groups) {}
