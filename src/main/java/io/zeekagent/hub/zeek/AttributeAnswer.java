package io.zeekagent.hub.zeek;

import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.ZeekEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What the hub answers one request with: the matches of each side, by event time, and whether the hub consulted
 * everything it holds for that time.
 *
 * @param orig matches on the originator's host
 * @param resp matches on the responder's host
 * @param complete {@code false} when the hub could not consult everything (index still loading, tier unavailable)
 */
record AttributeAnswer(List<ZeekMatch> orig, List<ZeekMatch> resp, boolean complete) {

    /** Nothing consulted: the index is not ready yet. */
    static final AttributeAnswer NOT_READY = new AttributeAnswer(List.of(), List.of(), false);

    AttributeAnswer {
        orig = List.copyOf(orig);
        resp = List.copyOf(resp);
    }

    /**
     * {@code ZeekAgentHub::attribute_response(req_id: count, orig: vector of Match, resp: vector of Match, complete:
     * bool)}.
     */
    ZeekEvent toEvent(long reqId) {
        return ZeekEvent.of(
                ZeekTopics.ATTRIBUTE_RESPONSE,
                BrokerValue.count(reqId),
                vector(orig),
                vector(resp),
                BrokerValue.bool(complete));
    }

    private static BrokerValue vector(List<ZeekMatch> matches) {
        List<BrokerValue> values = new ArrayList<>(matches.size());
        for (ZeekMatch match : matches) {
            values.add(match.toBroker());
        }
        return BrokerValue.vector(values);
    }
}
