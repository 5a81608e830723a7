package io.zeekagent.hub.zeek;

import io.zeekagent.hub.broker.AddressValue;
import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.broker.BrokerValue;
import io.zeekagent.hub.broker.PortValue;
import io.zeekagent.hub.broker.TimestampValue;
import io.zeekagent.hub.broker.ZeekEvent;
import java.util.List;

/**
 * {@code ZeekAgentHub::attribute_request(req_id: count, inbox: string, uid: string, ts: time, orig_h: addr,
 * orig_p: port, resp_h: addr, resp_p: port)}, checked as strictly as Zeek checks what it receives.
 *
 * @param reqId the requesting process's id for this request, echoed in the response
 * @param inbox the requesting process's inbox topic ({@code zeek-agent-hub.node.<node id>.})
 * @param uid the conn.log record's uid (for logs only; the hub matches by tuple and time)
 * @param tsNanos the connection's start, nanoseconds since the epoch
 * @param origH the originator's address
 * @param origP the originator's port, which carries the transport
 * @param respH the responder's address
 * @param respP the responder's port
 */
record AttributeRequest(
        long reqId,
        String inbox,
        String uid,
        long tsNanos,
        AddressValue origH,
        PortValue origP,
        AddressValue respH,
        PortValue respP) {

    static final int ARITY = 8;

    /**
     * Reads the request from a received event.
     *
     * @throws BrokerFormatException when the name, the argument count or any argument's type is not the contract's,
     *     or the inbox is not a {@code zeek-agent-hub.node.<id>.} topic (the hub publishes nowhere else)
     */
    static AttributeRequest from(ZeekEvent event) {
        if (!ZeekTopics.ATTRIBUTE_REQUEST.equals(event.name())) {
            throw new BrokerFormatException("not an attribute request: " + event.name());
        }
        List<BrokerValue> args = event.args();
        if (args.size() != ARITY) {
            throw new BrokerFormatException("attribute_request takes " + ARITY + " arguments, got " + args.size());
        }
        String inbox = args.get(1).asString();
        if (!ZeekTopics.isInbox(inbox)) {
            throw new BrokerFormatException("inbox '" + inbox + "' is not a " + ZeekTopics.NODE_PREFIX + "<id>. topic");
        }
        if (!(args.get(3) instanceof TimestampValue ts)) {
            throw new BrokerFormatException(
                    "ts must be a timestamp (Zeek time), got " + args.get(3).type());
        }
        return new AttributeRequest(
                args.get(0).asCount(),
                inbox,
                args.get(2).asString(),
                ts.nanos(),
                args.get(4).asAddress(),
                args.get(5).asPort(),
                args.get(6).asAddress(),
                args.get(7).asPort());
    }

    /** The event as a Zeek process sends it (tests and benchmarks play Zeek with it). */
    ZeekEvent toEvent() {
        return ZeekEvent.of(
                ZeekTopics.ATTRIBUTE_REQUEST,
                BrokerValue.count(reqId),
                BrokerValue.string(inbox),
                BrokerValue.string(uid),
                new TimestampValue(tsNanos),
                origH,
                origP,
                respH,
                respP);
    }
}
