package io.zeekagent.hub.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/metrics/series}: the recent rates the console's Flow page draws. A reader key is enough. */
@RestController
@Tag(name = "Metrics", description = "Recent rates of the hub's own meters")
class FlowController {

    private final FlowSampler sampler;

    FlowController(FlowSampler sampler) {
        this.sampler = sampler;
    }

    @GetMapping(path = "/api/v1/metrics/series", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "getMetricSeries",
            summary = "Recent rates of the hub's own meters",
            description = "Per sample interval (hub.console.sample-interval, 5 s) over the last hub.console.window"
                    + " (15 min): socket events ingested, result rows and attributions per second, and every kind of"
                    + " dropped data per second by reason (hub.ingest.events.dropped, hub.results.dropped,"
                    + " hub.zeromq.drops, hub.writer.dropped, hub.agent.malformed). For totals and everything"
                    + " else, /actuator/prometheus.")
    @ApiResponse(
            responseCode = "200",
            description = "The series, oldest sample first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = FlowSeriesResponse.class)))
    FlowSeriesResponse series() {
        return sampler.series();
    }
}
