package io.zeekagent.hub.ingest;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Told about socket events once they are committed, on the writer's thread: implementations must only look and
 * queue (the webhook feature checks remote addresses against its watch lists), never block.
 */
public interface StoredEventsObserver {

    /** Whether {@link #stored} wants events at all; checked once per batch so an idle observer costs nothing. */
    boolean interested();

    /** One committed event. */
    void stored(
            String hostId,
            @Nullable String remoteAddress,
            @Nullable Integer remotePort,
            @Nullable Long pid,
            @Nullable String exe,
            @Nullable Instant time);
}
