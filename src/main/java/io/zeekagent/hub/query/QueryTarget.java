package io.zeekagent.hub.query;

import org.jspecify.annotations.Nullable;

/**
 * A host a one-shot query is meant for.
 *
 * @param hostId the host
 * @param transport how it is connected, or {@code null} when it is not online
 * @param online whether it is ONLINE
 */
record QueryTarget(String hostId, @Nullable String transport, boolean online) {}
