package io.zeekagent.hub.subscription;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A subscription to create, or the full new definition of one (PUT); absent optional fields take their defaults.
 *
 * @param name a label for people
 * @param query exactly one SQLite SELECT statement
 * @param event the Zeek event name rows come back as (default {@code hub.subscription.default-event})
 * @param columns result column names; derived from the SELECT list when absent, else their number must match it
 * @param intervalSeconds how often agents run the query, 1..86400 (default {@code hub.subscription.default-interval})
 * @param updateType which changes agents report (default BOTH; ADDED for SOCKET_EVENTS)
 * @param kind what the hub does with the rows (default RESULTS)
 * @param hosts host ids to target (may name hosts not seen yet)
 * @param groups defined groups to target; with neither hosts nor groups, every host is targeted
 * @param enabled whether it is delivered to agents (default true)
 */
@Schema(description = "A scheduled query for agents")
public record SubscriptionRequest(
        @Schema(example = "socket events") @NotBlank @Size(max = 128)
        String name,

        @Schema(
                example = "SELECT syscall, pid, exe, local_address, local_port, remote_address, remote_port, time"
                        + " FROM socket_events WHERE family = 2")
        @NotBlank
        @Size(max = 10000)
        String query,

        @Schema(example = "ZeekAgent::query_result", nullable = true)
        @Size(max = 255)
        @Pattern(regexp = Subscriptions.EVENT_PATTERN, message = "must be a Zeek event name like Module::name")
        @Nullable
        String event,

        @Schema(
                example = "[\"syscall\", \"pid\", \"exe\", \"local_address\", \"local_port\", \"remote_address\","
                        + " \"remote_port\", \"time\"]",
                nullable = true)
        @Size(max = 1000)
        @Nullable
        List<@NotBlank @Size(max = 255) String> columns,

        @Schema(example = "10", nullable = true) @Min(1) @Max(Subscriptions.MAX_INTERVAL_SECONDS) @Nullable
        Integer intervalSeconds,

        @Schema(example = "ADDED", nullable = true) @Nullable
        UpdateType updateType,

        @Schema(example = "SOCKET_EVENTS", nullable = true) @Nullable
        SubscriptionKind kind,

        @Schema(example = "[\"e93716a7-8bc8-4485-bd8f-14e6b346aca3\"]", nullable = true) @Size(max = 10000) @Nullable
        Set<@NotBlank @Size(max = 255) String> hosts,

        @Schema(example = "[\"dmz\"]", nullable = true) @Size(max = 1000) @Nullable
        Set<@NotBlank String> groups,

        @Schema(example = "true", nullable = true) @Nullable Boolean enabled) {}
