package io.zeekagent.hub.console;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One meter's recent rate, a value per sample.
 *
 * @param id stable id: {@code ingest}, {@code results}, {@code attributions}, or {@code <meter>:<reason>} for drops
 * @param label what the console calls it
 * @param kind {@code rate} (throughput) or {@code drop} (data dropped for one reason)
 * @param perSecond the rate over each sample interval, aligned with the response's {@code times}
 * @param total how many in the whole window
 */
@Schema(description = "One meter's rate per second over the window")
public record FlowSeries(
        @Schema(example = "ingest") String id,
        @Schema(example = "Socket events ingested") String label,

        @Schema(
                example = "rate",
                allowableValues = {"rate", "drop"})
        String kind,

        @Schema(example = "[0.0, 12.4, 40.2]") List<Double> perSecond,
        @Schema(example = "263") double total) {}
