package io.zeekagent.hub.zeromq;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bridge's counters, plain Java so the socket threads never touch a meter registry; {@link ZeromqMetrics} reads
 * them as function counters.
 */
final class BridgeStats {

    final LongAdder messagesIn = new LongAdder();
    final LongAdder messagesOut = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder handlerErrors = new LongAdder();
    final LongAdder proxyEvents = new LongAdder();
    final LongAdder proxySubscriptions = new LongAdder();
    private final Map<DropReason, LongAdder> drops = new EnumMap<>(DropReason.class);

    BridgeStats() {
        for (DropReason reason : DropReason.values()) {
            drops.put(reason, new LongAdder());
        }
    }

    void drop(DropReason reason) {
        drops.get(reason).increment();
    }

    long drops(DropReason reason) {
        return drops.get(reason).sum();
    }

    /** Undecodable payloads, the decode-error figure. */
    long decodeErrors() {
        return drops(DropReason.UNDECODABLE);
    }
}
