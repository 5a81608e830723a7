package io.zeekagent.hub.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeekagent.hub.system.PageResponse;
import io.zeekagent.hub.system.Paging;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Socket events: post a batch (each gets a seuid), list them, read one. */
@RestController
@RequestMapping("/api/v1/socket-events")
@Tag(name = "Socket events", description = "Host socket events (bind/connect) behind connection attribution")
class SocketEventController {

    private final SocketEventIngestService service;
    private final SocketEventSearch search;

    SocketEventController(SocketEventIngestService service, SocketEventSearch search) {
        this.service = service;
        this.search = search;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "ingestSocketEvents",
            summary = "Store a batch of socket events",
            description = "Answers 201 once the batch is committed and indexed for attribution, with the seuids in"
                    + " request order. Every invalid field is reported in one 400 (`[index].field`); nothing is"
                    + " stored then. At most `hub.ingest.max-batch` events (default 10,000).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = """
                            [{"hostId": "6d1f2c3b-agent", "syscall": "connect", "pid": 4242, "exe": "/usr/bin/curl",
                              "uid": 1000, "success": true, "family": 2, "protocol": "tcp",
                              "remoteAddress": "93.184.216.34", "remotePort": 443, "time": 1795996800},
                             {"hostId": "web-1", "syscall": "bind", "exe": "/usr/sbin/nginx", "localAddress": "0.0.0.0",
                              "localPort": 443, "time": "2026-11-30T00:00:00Z"}]"""))))
    @ApiResponse(responseCode = "201", description = "Stored; `{\"seuids\": [...]}` in request order")
    @ApiResponse(
            responseCode = "400",
            description = "Invalid events, or too many",
            content = @Content(mediaType = "application/problem+json"))
    SeuidsResponse create(@RequestBody List<SocketEventRequest> events) {
        return new SeuidsResponse(service.ingestRequests(events));
    }

    @GetMapping
    @Operation(
            operationId = "listSocketEvents",
            summary = "List socket events",
            description = "In receipt order (stable across pages). Filters combine: host, remote and local address"
                    + " (any spelling of the address) and port, executable, and a time range [since, until) on the"
                    + " event's time. For a sweep over all hosts, filter by remoteAddress (it is indexed); for one"
                    + " row per host and process use GET /api/v1/contacts.")
    PageResponse<SocketEventResponse> list(
            @Parameter(description = "Only this host's events") @RequestParam(required = false) @Nullable String hostId,
            @Parameter(description = "Only events at or after this ISO-8601 time", example = "2026-11-30T00:00:00Z")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @Nullable
                    Instant since,
            @Parameter(description = "Only events before this ISO-8601 time", example = "2026-12-01T00:00:00Z")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    @Nullable
                    Instant until,
            @Parameter(description = "Only events with this remote address", example = "93.184.216.34")
                    @RequestParam(required = false)
                    @Nullable
                    String remoteAddress,
            @Parameter(description = "Only events with this remote port", example = "443")
                    @RequestParam(required = false)
                    @Min(0)
                    @Max(65535)
                    @Nullable
                    Integer remotePort,
            @Parameter(description = "Only events with this local address", example = "10.0.0.5")
                    @RequestParam(required = false)
                    @Nullable
                    String localAddress,
            @Parameter(description = "Only events with this local port", example = "50000")
                    @RequestParam(required = false)
                    @Min(0)
                    @Max(65535)
                    @Nullable
                    Integer localPort,
            @Parameter(description = "Only events of this executable (exact path)", example = "/usr/bin/curl")
                    @RequestParam(required = false)
                    @Nullable
                    String exe,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        SocketEventFilter.requireOrdered(since, until, "until");
        SocketEventFilter filter = new SocketEventFilter(
                hostId,
                since,
                until,
                SocketEventFilter.addressForms(remoteAddress, "remoteAddress"),
                remotePort,
                SocketEventFilter.addressForms(localAddress, "localAddress"),
                localPort,
                exe == null || exe.isBlank() ? null : exe);
        Pageable pageable = Paging.of(page, size, Sort.unsorted());
        List<SocketEventResponse> content = search.page(filter, pageable.getOffset(), pageable.getPageSize());
        return PageResponse.from(new PageImpl<>(content, pageable, search.count(filter)), e -> e);
    }

    @GetMapping("/{seuid}")
    @Operation(operationId = "getSocketEvent", summary = "Read one socket event")
    @ApiResponse(responseCode = "200", description = "The event")
    @ApiResponse(
            responseCode = "404",
            description = "No event with this seuid (or it was evicted)",
            content = @Content(mediaType = "application/problem+json"))
    SocketEventResponse get(@PathVariable String seuid) {
        return service.find(seuid);
    }
}
