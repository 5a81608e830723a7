package io.zeekagent.hub.attribution;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Where stored socket events come from when the index is rebuilt at start; ingestion implements it, so the index
 * never reads another feature's tables.
 */
public interface SocketEventHistory {

    /** Feeds every stored event received at or after {@code since} to {@code sink}, in receipt order, in batches. */
    void replaySince(Instant since, Consumer<List<SocketEventEntry>> sink);

    /**
     * Feeds only the newest {@code max} events received at or after {@code since} (what memory holds after a rebuild);
     * returns the receipt time of the newest event left out, or {@code null} when nothing was.
     */
    default @Nullable Instant replayNewest(Instant since, long max, Consumer<List<SocketEventEntry>> sink) {
        replaySince(since, sink);
        return null;
    }
}
