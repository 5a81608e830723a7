package io.zeekagent.hub.host;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A host as the API shows it.
 *
 * @param hostId the agent's host id (machine UUID, or its hostname when it has none)
 * @param hostname the hostname the agent announced or was pre-registered with
 * @param status PENDING until the agent first connects, then ONLINE or OFFLINE
 * @param transport how the agent is connected: {@code zeromq-v1}, {@code websocket-v2}, {@code osquery}, or null when never
 *     connected
 * @param peerName the agent's Broker endpoint id
 * @param agentVersion the version the agent announced
 * @param edition the edition the agent announced ({@code standalone} or {@code osquery})
 * @param addresses every address the host is known by: announced ∪ assigned
 * @param announcedAddresses addresses the agent announced
 * @param assignedAddresses addresses assigned over REST
 * @param groups effective groups: announced ∪ assigned ∪ groups whose subnets contain one of the addresses
 * @param announcedGroups groups the agent announced
 * @param assignedGroups groups the host is assigned to over REST
 * @param firstSeen when the agent first announced itself
 * @param lastSeen when the agent was last heard from
 * @param createdAt when the hub first learned of the host
 * @param updatedAt when the host's record last changed
 * @param details what a Zeek Agent v2 reported about the host (platform, OS, kernel, tables); null for v1 agents and
 *     hosts whose agent has not connected
 */
@Schema(description = "A host running a Zeek Agent")
public record HostResponse(
        @Schema(example = "e93716a7-8bc8-4485-bd8f-14e6b346aca3")
        String hostId,

        @Schema(example = "web-01.example.com", nullable = true) @Nullable
        String hostname,

        @Schema(example = "ONLINE") HostStatus status,

        @Schema(example = "zeromq-v1", nullable = true) @Nullable
        String transport,

        @Schema(example = "C6EAF3CFDF46831E2D9103E5A1C48F78AD873A00#10223", nullable = true) @Nullable
        String peerName,

        @Schema(example = "2.0.0", nullable = true) @Nullable
        String agentVersion,

        @Schema(example = "standalone", nullable = true) @Nullable
        String edition,

        @Schema(example = "[\"10.0.0.5\", \"2001:db8::5\"]") Set<String> addresses,
        @Schema(example = "[\"10.0.0.5\"]") Set<String> announcedAddresses,
        @Schema(example = "[\"2001:db8::5\"]") Set<String> assignedAddresses,
        @Schema(example = "[\"linux\", \"web\", \"dmz\"]") Set<String> groups,
        @Schema(example = "[\"linux\"]") Set<String> announcedGroups,
        @Schema(example = "[\"web\"]") Set<String> assignedGroups,

        @Schema(example = "2026-01-01T12:00:00Z", nullable = true) @Nullable
        Instant firstSeen,

        @Schema(example = "2026-01-01T12:05:00Z", nullable = true) @Nullable
        Instant lastSeen,

        @Schema(example = "2026-01-01T11:00:00Z") Instant createdAt,
        @Schema(example = "2026-01-01T12:05:00Z") Instant updatedAt,

        @Schema(nullable = true) @Nullable HostDetails details) {

    static HostResponse from(Host host, Set<String> groups, Set<String> assignedGroups) {
        return new HostResponse(
                host.getHostId(),
                host.getHostname(),
                host.getStatus(),
                host.getTransport(),
                host.getPeerName(),
                host.getAgentVersion(),
                host.getEdition(),
                host.getAddresses(),
                host.getAnnouncedAddresses(),
                host.getAssignedAddresses(),
                groups,
                host.getAnnouncedGroups(),
                assignedGroups,
                host.getFirstSeen(),
                host.getLastSeen(),
                host.getCreatedAt(),
                host.getUpdatedAt(),
                null);
    }

    /** This response with the v2 details, or without any. */
    HostResponse withDetails(@Nullable HostDetails details) {
        return new HostResponse(
                hostId,
                hostname,
                status,
                transport,
                peerName,
                agentVersion,
                edition,
                addresses,
                announcedAddresses,
                assignedAddresses,
                groups,
                announcedGroups,
                assignedGroups,
                firstSeen,
                lastSeen,
                createdAt,
                updatedAt,
                details);
    }
}
