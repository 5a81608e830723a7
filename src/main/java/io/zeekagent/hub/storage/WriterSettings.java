package io.zeekagent.hub.storage;

import java.time.Duration;

/**
 * How one stream is batched.
 *
 * @param stream the stream's name: the {@code stream} tag of its metrics and its spool sub-directory
 * @param batchSize most rows written in one transaction
 * @param flushInterval longest a row waits in the buffer before its batch is written
 * @param capacity rows that may wait in memory; beyond it rows are dropped and counted
 */
public record WriterSettings(String stream, int batchSize, Duration flushInterval, int capacity) {

    public WriterSettings {
        if (!stream.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("stream names are lowercase words and dashes: " + stream);
        }
        if (batchSize < 1 || capacity < 1) {
            throw new IllegalArgumentException("batch size and capacity must be positive");
        }
    }
}
