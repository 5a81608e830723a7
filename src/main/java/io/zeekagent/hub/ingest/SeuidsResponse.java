package io.zeekagent.hub.ingest;

import java.util.List;

/** The answer to a stored batch: one seuid per event, in request order. */
public record SeuidsResponse(List<String> seuids) {}
