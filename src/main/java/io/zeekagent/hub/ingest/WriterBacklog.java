package io.zeekagent.hub.ingest;

import io.zeekagent.hub.attribution.IngestBacklog;
import org.springframework.stereotype.Component;

/**
 * Tells attribution whether agent rows wait in the writer's buffer or its disk spool ({@code ingest-backlog}): they are
 * indexed only once committed.
 */
@Component
class WriterBacklog implements IngestBacklog {

    private final SocketEventIngestService ingest;

    WriterBacklog(SocketEventIngestService ingest) {
        this.ingest = ingest;
    }

    @Override
    public boolean pending() {
        return ingest.writer().queued() > 0 || ingest.writer().spoolBytes() > 0 || ingest.streamQueued() > 0;
    }
}
