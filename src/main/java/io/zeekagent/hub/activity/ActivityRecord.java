package io.zeekagent.hub.activity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An entry on its way from {@link ActivityLog#record} to the file and the database. */
record ActivityRecord(Instant ts, String source, @Nullable String peer, String level, String message) {}
