package io.zeekagent.hub.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The consumers' counters, tagged by consumer role ({@code store}, {@code index}). */
final class StreamMeters {

    private StreamMeters() {}

    static Counter consumed(MeterRegistry meters, String role) {
        return Counter.builder("hub.cluster.stream.consumed")
                .tag("group", role)
                .description("Socket events this replica consumed (a record carries several)")
                .register(meters);
    }

    static Counter undecodable(MeterRegistry meters, String role) {
        return Counter.builder("hub.cluster.stream.undecodable")
                .tag("group", role)
                .description("Records of the socket-event topic that are no socket events (skipped with all they hold)")
                .register(meters);
    }
}
