package io.zeekagent.hub.activity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Filters of {@code GET /api/v1/activity}; a {@code null} component matches everything.
 *
 * @param source exact source ({@code local}, {@code host}, ...)
 * @param peer exact peer or host id
 * @param level exact level
 * @param since entries at or after this time
 */
public record ActivityFilter(
        @Nullable String source,
        @Nullable String peer,
        ActivityLog.@Nullable Level level,
        @Nullable Instant since) {}
