package io.zeekagent.hub.osquery;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An enrolled osquery node, as stored (without its key, of which only the hash is kept).
 *
 * @param hostId the host ({@code host_identifier} as sent at enrollment)
 * @param keyHash SHA-256 of its node key
 * @param instanceId {@code osquery_info.instance_id}, which tells two installs with one identifier apart
 * @param hostname {@code system_info.hostname}
 * @param osqueryVersion {@code osquery_info.version}
 * @param platformType the {@code platform_type} bitmask as sent ({@code "9"} on Linux)
 * @param groups groups of the enroll secret it used
 * @param enrolledAt when it last enrolled
 * @param enrollments how many times it enrolled
 */
record OsqueryNode(
        String hostId,
        String keyHash,
        @Nullable String instanceId,
        @Nullable String hostname,
        @Nullable String osqueryVersion,
        @Nullable String platformType,
        Set<String> groups,
        Instant enrolledAt,
        long enrollments) {

    OsqueryNode {
        groups = Set.copyOf(groups);
    }
}
