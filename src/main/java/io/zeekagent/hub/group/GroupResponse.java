package io.zeekagent.hub.group;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A group as the API shows it.
 *
 * @param name unique, path-safe name
 * @param description what the group is for
 * @param subnets networks in canonical CIDR notation (host bits cleared)
 * @param hostIds hosts assigned explicitly
 * @param createdAt when the group was defined
 * @param updatedAt when the definition last changed
 * @param owner who made it when not made over REST ({@code zeek:<name>}: a Zeek's {@code ZeekAgent::join}); such
 *     groups cannot be changed or deleted over REST
 */
@Schema(description = "A group of hosts")
public record GroupResponse(
        @Schema(example = "dmz") String name,

        @Schema(example = "Hosts in the DMZ", nullable = true) @Nullable
        String description,

        @Schema(example = "[\"192.0.2.0/24\", \"2001:db8:1::/48\"]")
        Set<String> subnets,

        @Schema(example = "[\"e93716a7-8bc8-4485-bd8f-14e6b346aca3\"]")
        Set<String> hostIds,

        @Schema(example = "2026-01-01T11:00:00Z") Instant createdAt,
        @Schema(example = "2026-01-01T11:00:00Z") Instant updatedAt,

        @Schema(example = "zeek:manager", nullable = true) @Nullable
        String owner) {

    static GroupResponse from(HostGroup group) {
        return new GroupResponse(
                group.getName(),
                group.getDescription(),
                group.getSubnets(),
                group.getHostIds(),
                group.getCreatedAt(),
                group.getUpdatedAt(),
                group.getOwner());
    }
}
