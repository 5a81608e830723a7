package io.zeekagent.hub.result;

import io.zeekagent.hub.ingest.SocketEventIngestService;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Hands rows of SOCKET_EVENTS subscriptions to the ingest feature, which assigns seuids, writes them through its
 * bounded batch writer and indexes them for attribution. Replaces the stand-in that counted them as dropped before
 * ingest existed: without it no agent-fed socket event was ever stored.
 */
@Component
class IngestSocketEventSink implements SocketEventSink {

    private final SocketEventIngestService ingest;

    IngestSocketEventSink(SocketEventIngestService ingest) {
        this.ingest = ingest;
    }

    @Override
    public void ingest(String hostId, String transport, List<String> columns, List<Map<String, Object>> rows) {
        ingest.ingestFromAgent(hostId, transport, columns, rows);
    }
}
