/**
 * Durable batch writing for every stream the hub stores (socket events, result rows, activity): one bounded
 * in-memory buffer and writer thread per stream, retries while the database is away, and a checksummed disk spool
 * for what does not fit in memory during an outage.
 */
@NullMarked
package io.zeekagent.hub.storage;

import org.jspecify.annotations.NullMarked;
