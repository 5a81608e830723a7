package io.zeekagent.hub.console;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The recent series of the hub's own meters, as the console's Flow page draws them.
 *
 * @param intervalSeconds time between samples ({@code hub.console.sample-interval})
 * @param windowSeconds how much history is kept ({@code hub.console.window})
 * @param times the end of each sample interval, oldest first
 * @param series every series, the rates first, then one per drop reason
 */
@Schema(description = "Recent rates of the hub's own meters")
public record FlowSeriesResponse(
        @Schema(example = "5") double intervalSeconds,
        @Schema(example = "900") long windowSeconds,

        @Schema(example = "[\"2026-11-30T00:00:05Z\", \"2026-11-30T00:00:10Z\", \"2026-11-30T00:00:15Z\"]")
        List<Instant> times,

        List<FlowSeries> series) {}
