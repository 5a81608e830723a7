package io.zeekagent.hub.attribution;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds and tolerances of connection attribution ({@code hub.attribution.*}).
 *
 * @param retention how long a socket event is kept after it was received, in memory and in the database
 * @param maxEvents most events kept in memory; beyond it the oldest are evicted (and counted). At most 2^27 - 1
 *     (134,217,727, about 16 GB of heap): an event's link to the older one of its key has 27 bits
 * @param connectWindow how far a socket event's time may be from the connection's {@code ts} (DESIGN §7 rule 6)
 * @param sweepInterval how often expired events are evicted
 */
@ConfigurationProperties("hub.attribution")
@Validated
public record AttributionProperties(
        @DefaultValue("24h") @NotNull Duration retention,
        @DefaultValue("2000000") @Min(1) @Max(134_217_727) long maxEvents,
        @DefaultValue("30s") @NotNull Duration connectWindow,
        @DefaultValue("10s") @NotNull Duration sweepInterval) {}
