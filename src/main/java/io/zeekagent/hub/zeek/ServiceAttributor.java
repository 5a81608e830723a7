package io.zeekagent.hub.zeek;

import io.zeekagent.hub.attribution.AttributionMatch;
import io.zeekagent.hub.attribution.AttributionService;
import io.zeekagent.hub.attribution.ConnectionQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers from {@link AttributionService}, the index behind {@code POST /api/v1/attributions}: same rules, same
 * connect window. The single call into attribution is {@link #consult}, so completeness from a tiered index is wired
 * in one place.
 */
final class ServiceAttributor implements Attributor {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final AttributionService service;

    ServiceAttributor(AttributionService service) {
        this.service = service;
    }

    @Override
    public AttributeAnswer attribute(AttributeRequest request) {
        if (!service.isReady()) {
            return AttributeAnswer.NOT_READY;
        }
        List<AttributionMatch> matches = consult(new ConnectionQuery(
                request.origH().high(),
                request.origH().low(),
                request.origP().number(),
                request.respH().high(),
                request.respH().low(),
                request.respP().number(),
                request.respP().protocol().text(),
                Math.floorDiv(request.tsNanos(), NANOS_PER_MILLI)));
        List<ZeekMatch> orig = new ArrayList<>();
        List<ZeekMatch> resp = new ArrayList<>();
        for (AttributionMatch match : matches) {
            ZeekMatch zeek = new ZeekMatch(match.seuid(), match.hostId(), match.pid(), match.exe());
            ("orig".equals(match.side()) ? orig : resp).add(zeek);
        }
        return new AttributeAnswer(orig, resp, complete());
    }

    /** The one call into attribution (its answer for the tuple and time). */
    private List<AttributionMatch> consult(ConnectionQuery query) {
        return service.attribute(query);
    }

    /**
     * Whether that answer consulted everything the hub holds for the time asked about. Always so for the in-memory
     * index; a tiered index reports it per answer.
     */
    private boolean complete() {
        return true;
    }
}
