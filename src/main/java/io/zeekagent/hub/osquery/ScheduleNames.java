package io.zeekagent.hub.osquery;

import org.jspecify.annotations.Nullable;

/**
 * Names of the hub's queries in an osquery schedule: {@code <subscription id>@<first 8 hex digits of the SHA-256 of
 * its SQL>}. The suffix changes exactly when the SQL does, so osquery starts a fresh differential for the new SQL
 * instead of diffing its rows against the old SQL's (osquery keeps diff state by name), and it is the same after a
 * hub restart, so an unchanged query keeps its state.
 */
final class ScheduleNames {

    private ScheduleNames() {}

    static String of(String subscriptionId, String sql) {
        return subscriptionId + "@" + Secrets.sha256(sql).substring(0, 8);
    }

    /** The subscription a result line's {@code name} belongs to, or null for a name the hub did not give out. */
    static @Nullable String subscriptionId(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        int at = name.lastIndexOf('@');
        return at > 0 ? name.substring(0, at) : name;
    }
}
