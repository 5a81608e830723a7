package io.zeekagent.hub.subscription;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A subscription as the API (and dispatch) sees it.
 *
 * @param id stable id, also the wire {@code cookie}
 * @param name a label for people
 * @param query the SELECT statement
 * @param event the Zeek event name rows come back as
 * @param columns result column names in SELECT order
 * @param intervalSeconds how often agents run the query
 * @param updateType which changes agents report
 * @param kind what the hub does with the rows
 * @param hosts targeted host ids
 * @param groups targeted groups
 * @param enabled whether it is delivered to agents
 * @param revision starts at 0 and grows with every change
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param owner who made it when it was not made over REST ({@code zeek:<name>} for a Zeek using the
 *     zeek-agent-hub/compat script API); such subscriptions cannot be changed or deleted over REST
 */
@Schema(description = "A scheduled query for agents")
public record SubscriptionResponse(
        @Schema(example = "3f1c2a9e-8d0b-4c55-9a43-6f2d1e7b9c10")
        String id,

        @Schema(example = "socket events") String name,

        @Schema(example = "SELECT syscall, pid, exe FROM socket_events")
        String query,

        @Schema(example = "ZeekAgent::query_result") String event,
        @Schema(example = "[\"syscall\", \"pid\", \"exe\"]") List<String> columns,
        @Schema(example = "10") int intervalSeconds,
        @Schema(example = "ADDED") UpdateType updateType,
        @Schema(example = "SOCKET_EVENTS") SubscriptionKind kind,
        @Schema(example = "[]") Set<String> hosts,
        @Schema(example = "[\"dmz\"]") Set<String> groups,
        @Schema(example = "true") boolean enabled,
        @Schema(example = "0") long revision,
        @Schema(example = "2026-01-01T11:00:00Z") Instant createdAt,
        @Schema(example = "2026-01-01T11:00:00Z") Instant updatedAt,

        @Schema(example = "zeek:manager", nullable = true) @Nullable
        String owner) {

    /** Whether it names neither hosts nor groups, and so targets every host. */
    public boolean targetsAllHosts() {
        return hosts.isEmpty() && groups.isEmpty();
    }

    static SubscriptionResponse from(Subscription subscription) {
        SubscriptionDefinition d = subscription.definition();
        return new SubscriptionResponse(
                subscription.getId(),
                d.name(),
                d.query(),
                d.event(),
                d.columns(),
                d.intervalSeconds(),
                d.updateType(),
                d.kind(),
                new TreeSet<>(d.hosts()),
                new TreeSet<>(d.groups()),
                d.enabled(),
                subscription.getRevision(),
                subscription.getCreatedAt(),
                subscription.getUpdatedAt(),
                subscription.getOwner());
    }
}
