package io.zeekagent.hub.group;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Replaces a group's definition (the name is the path and cannot change); absent sets are empty.
 *
 * @param description what the group is for
 * @param subnets IPv4/IPv6 networks in CIDR notation
 * @param hostIds hosts assigned explicitly
 */
@Schema(description = "A group's new definition; replaces the stored one")
public record UpdateGroupRequest(
        @Schema(example = "Hosts in the DMZ", nullable = true) @Size(max = 1024) @Nullable
        String description,

        @Schema(example = "[\"192.0.2.0/24\"]", nullable = true) @Size(max = 1024) @Nullable
        Set<@NotBlank String> subnets,

        @Schema(example = "[\"e93716a7-8bc8-4485-bd8f-14e6b346aca3\"]", nullable = true) @Size(max = 10000) @Nullable
        Set<@NotBlank @Size(max = 255) String> hostIds) {}
