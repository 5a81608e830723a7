package io.zeekagent.hub.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * TEST STAND-IN for the event-stream branch's {@link IndexPartitions} (feat/kstream owns the real one and Flyway
 * V20's {@code index_partitions}; on merge theirs is used and this class stays test-only): reads
 * {@code index_partitions(topic, partition, replica_id, assigned_at, ready)} rows a test writes, re-read every
 * 300 ms; a missing table means no partition is assigned. Hosts are partitioned by {@link #partition}.
 *
 * <p>Not a scanned component: a replica child JVM loads it with {@code --spring.main.sources=} this class.
 */
public class TableIndexPartitions {

    static final String TOPIC = "socket-events";
    static final int PARTITIONS = 64;

    @Bean
    IndexPartitions indexPartitions(JdbcTemplate jdbc, ClusterPeers peers) {
        return new Table(jdbc, peers.self());
    }

    /** The partition of a host (the test's stand-in for Kafka's key hash). */
    static int partition(String hostId) {
        return Math.floorMod(hostId.hashCode(), PARTITIONS);
    }

    record Owner(String replica, boolean ready) {}

    static final class Table implements IndexPartitions {
        private final JdbcTemplate jdbc;
        private final String self;
        private volatile Map<Integer, Owner> owners = Map.of();
        private volatile long readAt;

        Table(JdbcTemplate jdbc, String self) {
            this.jdbc = jdbc;
            this.self = self;
        }

        @Override
        public int partitionOf(String hostId) {
            return partition(hostId);
        }

        @Override
        public boolean ownsReady(String hostId) {
            Owner o = owners().get(partitionOf(hostId));
            return o != null && o.replica().equals(self) && o.ready();
        }

        @Override
        public Optional<String> ownerOf(String hostId) {
            return Optional.ofNullable(owners().get(partitionOf(hostId))).map(Owner::replica);
        }

        private Map<Integer, Owner> owners() {
            long now = System.currentTimeMillis();
            if (now - readAt > 300) {
                Map<Integer, Owner> fresh = new HashMap<>();
                try {
                    jdbc.query(
                            "select partition, replica_id, ready from index_partitions where topic = ?",
                            rs -> {
                                fresh.put(rs.getInt(1), new Owner(rs.getString(2), rs.getBoolean(3)));
                            },
                            TOPIC);
                } catch (RuntimeException e) {
                    // no table yet: nothing assigned
                    System.err.println("index_partitions not readable: " + e);
                }
                owners = fresh;
                readAt = now;
            }
            return owners;
        }
    }
}
