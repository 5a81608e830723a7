package io.zeekagent.hub.osquery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A distributed query waiting for a host's answer.
 *
 * @param name its name in {@code queries}: the one-shot query's cookie, or {@link OsqueryHostState#ADDRESSES}
 * @param sql the SQL
 * @param createdAt when it was queued; it expires {@code hub.osquery.query-expiry} later
 * @param handedOutAt when a distributed read handed it out, or null while it waits for one
 */
record PendingQuery(
        String name,
        String sql,
        Instant createdAt,
        @Nullable Instant handedOutAt) {

    PendingQuery handedOut(Instant at) {
        return new PendingQuery(name, sql, createdAt, at);
    }
}
