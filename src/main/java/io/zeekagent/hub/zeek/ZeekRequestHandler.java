package io.zeekagent.hub.zeek;

import io.zeekagent.hub.broker.BrokerFormatException;
import io.zeekagent.hub.zeromq.AgentChannel;
import io.zeekagent.hub.zeromq.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code ZeekAgentHub::attribute_request} at once: on the bridge's socket thread when memory alone answers
 * (an index lookup takes microseconds; the publish only queues), else on its dispatch thread: decode strictly, check that someone listens on the inbox, attribute,
 * publish the response there. Malformed requests and requests for inboxes nobody subscribes to are counted and
 * dropped; nothing a peer sends stops the handler.
 */
final class ZeekRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(ZeekRequestHandler.class);
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    private final AgentChannel channel;
    private final Attributor attributor;
    private final InboxTracker inboxes;
    private final ZeekMetrics metrics;
    private long nextWarn = System.nanoTime();

    ZeekRequestHandler(AgentChannel channel, Attributor attributor, InboxTracker inboxes, ZeekMetrics metrics) {
        this.channel = channel;
        this.attributor = attributor;
        this.inboxes = inboxes;
        this.metrics = metrics;
    }

    /**
     * Socket thread ({@link AgentChannel#subscribeInline}): answers at once when memory alone answers; otherwise
     * {@code false}, and the request reaches {@link #onRequest} on the dispatch thread, where a database lookup
     * holds up no socket.
     */
    boolean onRequestInline(InboundEvent inbound) {
        if (!attributor.answersAtOnce()) {
            return false;
        }
        onRequest(inbound);
        return true;
    }

    void onRequest(InboundEvent inbound) {
        long start = System.nanoTime();
        metrics.requests.increment();
        AttributeRequest request;
        try {
            request = AttributeRequest.from(inbound.event());
        } catch (BrokerFormatException e) {
            metrics.malformed.increment();
            warn("Dropped a malformed Zeek request from {} on {}: {}", inbound, e.getMessage());
            return;
        }
        if (!inboxes.isSubscribed(request.inbox())) {
            metrics.inboxNotSubscribed.increment();
            warn("Dropped a Zeek request from {} on {}: nobody subscribes to its inbox {}", inbound, request.inbox());
            return;
        }
        AttributeAnswer answer = attributor.attribute(request);
        channel.publish(request.inbox(), answer.toEvent(request.reqId()));
        metrics.answered(answer.complete(), System.nanoTime() - start);
    }

    /** At most one warning per 10 s: a peer sending garbage at line rate must not flood the log. */
    private void warn(String message, InboundEvent inbound, Object detail) {
        long now = System.nanoTime();
        if (now - nextWarn >= 0) {
            nextWarn = now + WARN_EVERY_NANOS;
            log.warn(message, inbound.senderNodeId(), inbound.topic(), detail);
        }
    }
}
