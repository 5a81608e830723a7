package io.zeekagent.hub.cluster;

/**
 * Which replica holds the hot attribution index of a host: the one consuming the host's partition of the
 * socket-events topic (Kafka consumer group {@code index}), as recorded in {@code index_partitions}. Provided by the
 * Kafka event stream ({@code hub.cluster.engine=kafka}); attribution routes each host's lookup to its owner.
 *
 * <p>Merge note: this interface is shared with the event-stream branch (feat/kstream), which owns it and its
 * implementation; the signature here is identical.
 */
public interface IndexPartitions {

    /** The partition of the socket-events topic a host's events go to. */
    int partitionOf(String hostId);

    /** Whether this replica consumes the host's partition and its hot index has caught up (replay finished). */
    boolean ownsReady(String hostId);

    /** The replica id consuming the host's partition, or empty when no replica has it assigned. */
    java.util.Optional<String> ownerOf(String hostId);
}
