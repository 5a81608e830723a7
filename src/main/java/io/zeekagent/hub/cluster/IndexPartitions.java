package io.zeekagent.hub.cluster;

import java.util.Optional;

/**
 * Which replica holds the hot attribution index of a host: the socket-event topic is keyed by host id, and the
 * consumer group {@code hub.cluster.kafka.index-group} gives each replica some of its partitions. With the embedded
 * engine there is one partition, always held here and ready.
 */
public interface IndexPartitions {

    /** The host's partition of the socket-event topic: Kafka's default partitioner on the UTF-8 host id. */
    int partitionOf(String hostId);

    /** Whether this replica holds the host's partition and has finished replaying its hot window. */
    boolean ownsReady(String hostId);

    /** The replica holding the host's partition (ready or replaying), from {@code index_partitions}, cached briefly. */
    Optional<String> ownerOf(String hostId);

    /** One node holding everything: the embedded engine. */
    static IndexPartitions single() {
        return new IndexPartitions() {
            @Override
            public int partitionOf(String hostId) {
                return 0;
            }

            @Override
            public boolean ownsReady(String hostId) {
                return true;
            }

            @Override
            public Optional<String> ownerOf(String hostId) {
                return Optional.empty();
            }
        };
    }
}
