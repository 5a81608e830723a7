package io.zeekagent.hub.result;

import io.zeekagent.hub.ingest.SocketEventIngestService;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link SocketEventSink} on the ingest feature: seuids, storage and the attribution index. */
@Component
class IngestSocketEventSink implements SocketEventSink {

    private final SocketEventIngestService ingest;

    IngestSocketEventSink(SocketEventIngestService ingest) {
        this.ingest = ingest;
    }

    @Override
    public void ingest(String hostId, String transport, List<String> columns, List<?> rows) {
        ingest.ingestFromAgent(hostId, transport, columns, rows);
    }
}
