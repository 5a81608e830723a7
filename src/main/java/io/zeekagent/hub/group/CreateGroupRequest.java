package io.zeekagent.hub.group;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Defines a group.
 *
 * @param name unique, path-safe name
 * @param description what the group is for
 * @param subnets IPv4/IPv6 networks in CIDR notation; a host with an address inside one is a member
 * @param hostIds hosts assigned explicitly (may name hosts not seen yet)
 */
@Schema(description = "A group to define")
public record CreateGroupRequest(
        @Schema(example = "dmz") @NotNull @Pattern(regexp = GroupNames.PATTERN, message = GroupNames.MESSAGE)
        String name,

        @Schema(example = "Hosts in the DMZ", nullable = true) @Size(max = 1024) @Nullable
        String description,

        @Schema(example = "[\"192.0.2.0/24\", \"2001:db8:1::/48\"]", nullable = true) @Size(max = 1024) @Nullable
        Set<@NotBlank String> subnets,

        @Schema(example = "[\"e93716a7-8bc8-4485-bd8f-14e6b346aca3\"]", nullable = true) @Size(max = 10000) @Nullable
        Set<@NotBlank @Size(max = 255) String> hostIds) {}
