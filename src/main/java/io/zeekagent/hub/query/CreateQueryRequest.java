package io.zeekagent.hub.query;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A one-shot query: run {@code query} once on the targets. No hosts and no groups means every ONLINE host.
 *
 * @param query the SELECT statement
 * @param hosts host ids
 * @param groups groups whose effective members are targeted
 */
@Schema(
        example = "{\"query\":\"SELECT pid, exe, cmdline FROM process_events\","
                + "\"hosts\":[\"e93716a7-8bc8-4485-bd8f-14e6b346aca3\"],\"groups\":[]}")
public record CreateQueryRequest(
        @NotBlank @Size(max = 65536) String query,
        @Nullable Set<@NotBlank String> hosts,
        @Nullable Set<@NotBlank String> groups) {

    Set<String> hostSet() {
        return hosts == null ? Set.of() : hosts;
    }

    Set<String> groupSet() {
        return groups == null ? Set.of() : groups;
    }
}
