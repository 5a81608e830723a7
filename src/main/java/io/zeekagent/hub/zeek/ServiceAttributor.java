package io.zeekagent.hub.zeek;

import io.zeekagent.hub.attribution.AttributionMatch;
import io.zeekagent.hub.attribution.AttributionService;
import io.zeekagent.hub.attribution.ConnectionAttribution;
import io.zeekagent.hub.attribution.ConnectionQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers from {@link AttributionService}, the index behind {@code POST /api/v1/attributions}: same rules, same
 * connect window, same tiers (memory, then the database for what memory no longer holds), so {@code complete} is false
 * exactly when the REST answer would say {@code complete=false}.
 */
final class ServiceAttributor implements Attributor {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final AttributionService service;

    ServiceAttributor(AttributionService service) {
        this.service = service;
    }

    @Override
    public boolean answersAtOnce() {
        return service.answersFromMemory();
    }

    @Override
    public AttributeAnswer attribute(AttributeRequest request) {
        if (!service.isReady()) {
            return AttributeAnswer.NOT_READY;
        }
        ConnectionAttribution answer = service.attributeWithCompleteness(new ConnectionQuery(
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
        for (AttributionMatch match : answer.matches()) {
            ZeekMatch zeek = new ZeekMatch(match.seuid(), match.hostId(), match.pid(), match.exe());
            ("orig".equals(match.side()) ? orig : resp).add(zeek);
        }
        return new AttributeAnswer(orig, resp, answer.complete());
    }
}
