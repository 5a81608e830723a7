package io.zeekagent.hub.result;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Stand-in until the ingest feature lands: counts socket-event rows it cannot store. */
@Component
class PendingIngestSocketEventSink implements SocketEventSink {

    private final Counter dropped;

    PendingIngestSocketEventSink(MeterRegistry meters) {
        this.dropped = meters.counter("hub.results.dropped", "reason", "no_ingest");
    }

    @Override
    public void ingest(String hostId, String transport, List<String> columns, List<Map<String, Object>> rows) {
        dropped.increment(rows.size());
    }
}
