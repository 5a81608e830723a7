package io.zeekagent.hub.result;

import java.time.Instant;

/** A row on its way to the {@code results} table. */
record StoredResult(String subscriptionId, String hostId, RowUpdate update, Instant receivedAt, String json) {}
