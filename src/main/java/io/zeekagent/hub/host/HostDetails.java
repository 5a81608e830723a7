package io.zeekagent.hub.host;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a Zeek Agent v2 said about its host in its last hello that changed something (v1 agents say none of it).
 *
 * @param platform {@code Linux}, {@code Darwin} or {@code Windows}
 * @param osName the operating system's name
 * @param kernelName the kernel's name
 * @param kernelVersion the kernel's version
 * @param kernelArch the machine architecture
 * @param tables the tables the agent has; subscriptions reading others are not sent to it
 * @param reportedAt when the hub received these details
 */
@Schema(description = "Platform, operating system and tables a Zeek Agent v2 reported in its hello")
public record HostDetails(
        @Schema(example = "Linux") String platform,
        @Schema(example = "Debian GNU/Linux 12 (bookworm)") String osName,
        @Schema(example = "Linux") String kernelName,
        @Schema(example = "6.1.0-18-amd64") String kernelVersion,
        @Schema(example = "x86_64") String kernelArch,

        @Schema(example = "[\"processes\", \"sockets\", \"sockets_events\"]")
        Set<String> tables,

        @Schema(example = "2026-01-01T12:00:00Z") Instant reportedAt) {

    public HostDetails {
        tables = Collections.unmodifiableSortedSet(new TreeSet<>(tables));
    }

    /** Whether the two say the same about the host, whenever they were reported. */
    public boolean sameAs(HostDetails other) {
        return platform.equals(other.platform)
                && osName.equals(other.osName)
                && kernelName.equals(other.kernelName)
                && kernelVersion.equals(other.kernelVersion)
                && kernelArch.equals(other.kernelArch)
                && tables.equals(other.tables);
    }
}
