package io.zeekagent.hub.stream;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Sends records to the socket-event topic (Kafka's producer behind it; a fake in tests). */
interface RecordSender {

    /**
     * The topic's partitions as the producer knows them (what Kafka's default partitioner takes a key's murmur2
     * modulo). May block like {@link #send} while the topic's metadata is unknown.
     */
    int partitions();

    /**
     * Sends asynchronously to that partition; {@code done} gets null once the brokers acknowledged it, or the
     * failure. May block while the producer's own buffer is full or the brokers' metadata is unknown (at most
     * {@code max.block.ms}).
     */
    void send(int partition, String key, byte[] value, Consumer<@Nullable Exception> done);

    /** Waits until everything sent so far is acknowledged or failed. */
    void flush();

    /** Releases the producer (after {@link #flush}). */
    default void close() {}
}
