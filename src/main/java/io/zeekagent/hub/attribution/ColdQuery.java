package io.zeekagent.hub.attribution;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One grouped cold-tier probe: events received in {@code [receivedFrom, receivedTo]} whose key is one of
 * {@code connectKeys} (then also with an event time in {@code [eventFrom, eventTo]} or unknown) or one of
 * {@code bindKeys} (any event time up to {@code eventTo}, or unknown).
 *
 * @param connectKeys {@link ColdKey}s of connect-type probes (remote port set)
 * @param bindKeys {@link ColdKey}s of (host, local port) probes, which hold the bind/listen-type events
 * @param receivedFrom oldest receipt time wanted (the retention cutoff)
 * @param receivedTo newest receipt time wanted (the hot floor: later events are in memory)
 * @param eventFrom lower event-time bound of connect-type keys, or {@code null} for none
 * @param eventTo upper event-time bound of every key, or {@code null} for none
 * @param timeout longest the statement may run
 */
public record ColdQuery(
        long[] connectKeys,
        long[] bindKeys,
        Instant receivedFrom,
        Instant receivedTo,
        @Nullable Instant eventFrom,
        @Nullable Instant eventTo,
        Duration timeout) {}
