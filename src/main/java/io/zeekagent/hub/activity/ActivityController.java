package io.zeekagent.hub.activity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.PageResponse;
import io.zeekagent.hub.system.Paging;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/activity}: the {@code zeek-agent.log} entries, filtered and paged. */
@RestController
@RequestMapping("/api/v1/activity")
@Tag(name = "Activity", description = "The hub's zeek-agent.log: connects, offline hosts, commands sent, errors")
class ActivityController {

    private final ActivityLog activity;

    ActivityController(ActivityLog activity) {
        this.activity = activity;
    }

    @GetMapping
    @Operation(
            operationId = "listActivity",
            summary = "List activity entries, newest first",
            description = "The same entries as the zeek-agent.log file (Zeek ASCII format, read it with zeek-cut).")
    PageResponse<ActivityEntryResponse> list(
            @Parameter(description = "Exact source: local, host, or a feature such as security", example = "host")
                    @RequestParam(required = false)
                    @Nullable
                    String source,
            @Parameter(
                            description = "Exact peer: a host id, peer id or topic",
                            example = "e93716a7-8bc8-4485-bd8f-14e6b346aca3")
                    @RequestParam(required = false)
                    @Nullable
                    String peer,
            @Parameter(description = "Alias of peer for host ids") @RequestParam(required = false) @Nullable
                    String host,
            @Parameter(description = "debug, info, warning or error", example = "warning")
                    @RequestParam(required = false)
                    @Nullable
                    String level,
            @Parameter(description = "Only entries at or after this ISO-8601 time", example = "2026-11-30T00:00:00Z")
                    @RequestParam(required = false)
                    @Nullable
                    Instant since,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        var pageable = Paging.of(page, size, Sort.by(Sort.Direction.DESC, "id"));
        var filter = new ActivityFilter(source, peer != null ? peer : host, parseLevel(level), since);
        return PageResponse.from(activity.search(filter, pageable), e -> e);
    }

    private static ActivityLog.@Nullable Level parseLevel(@Nullable String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        try {
            return ActivityLog.Level.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String message = "must be one of debug, info, warning, error";
            throw new InvalidRequestException(
                    "invalid-request",
                    "Invalid request",
                    "level: " + message,
                    List.of(new FieldProblem("level", message)));
        }
    }
}
