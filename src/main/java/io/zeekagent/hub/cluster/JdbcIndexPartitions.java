package io.zeekagent.hub.cluster;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The partitions of the socket-event topic this replica holds in its hot index, mirrored in {@code index_partitions}
 * for the other replicas: the index consumer reports assignment (ready=false), the end of the replay (ready=true)
 * and revocation (rows deleted). {@link #ownerOf} reads the table, at most once per {@code ownerCache}. Thread-safe.
 */
public final class JdbcIndexPartitions implements IndexPartitions {

    private static final Logger log = LoggerFactory.getLogger(JdbcIndexPartitions.class);

    private final JdbcTemplate jdbc;
    private final String replicaId;
    private final String topic;
    private final int partitions;
    private final long cacheMillis;
    private final Clock clock;
    /** Assigned here: partition → ready. */
    private final Map<Integer, Boolean> local = new ConcurrentHashMap<>();

    private volatile Map<Integer, String> owners = Map.of();
    private volatile long ownersReadAt = Long.MIN_VALUE;

    JdbcIndexPartitions(JdbcTemplate jdbc, String replicaId, KafkaStreamProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.replicaId = replicaId;
        this.topic = properties.topic();
        this.partitions = properties.partitions();
        this.cacheMillis = properties.ownerCache().toMillis();
        this.clock = clock;
    }

    @Override
    public int partitionOf(String hostId) {
        return KeyPartitioner.partition(hostId, partitions);
    }

    @Override
    public boolean ownsReady(String hostId) {
        return Boolean.TRUE.equals(local.get(partitionOf(hostId)));
    }

    /** Whether this replica holds the host's partition but is still replaying it (answers say {@code rebalancing}). */
    public boolean replaying(String hostId) {
        return Boolean.FALSE.equals(local.get(partitionOf(hostId)));
    }

    /** Whether any partition held here is still replaying. */
    public boolean anyReplaying() {
        return local.containsValue(Boolean.FALSE);
    }

    @Override
    public Optional<String> ownerOf(String hostId) {
        int partition = partitionOf(hostId);
        Boolean mine = local.get(partition);
        if (mine != null) {
            return Optional.of(replicaId);
        }
        long now = clock.millis();
        if (ownersReadAt == Long.MIN_VALUE || now - ownersReadAt >= cacheMillis) {
            try {
                Map<Integer, String> read = new HashMap<>();
                jdbc.query(
                        "select partition, replica_id from index_partitions where topic = ?",
                        rs -> {
                            read.put(rs.getInt(1), rs.getString(2));
                        },
                        topic);
                owners = read;
            } catch (RuntimeException e) {
                log.debug("index_partitions unreadable, owners from {} ms ago: {}", now - ownersReadAt, e.toString());
            }
            ownersReadAt = now;
        }
        return Optional.ofNullable(owners.get(partition));
    }

    /**
     * The consumer was given these partitions: held here, replaying. The table is written best effort (PostgreSQL
     * down must not stop the consumer or make it index a batch twice): a failed write is logged, the local state
     * counts.
     */
    public void assigned(Collection<Integer> assigned) {
        for (int p : assigned) {
            local.put(p, false);
        }
        for (int p : assigned) {
            write(
                    "assigned",
                    p,
                    "insert into index_partitions (topic, partition, replica_id, assigned_at, ready)"
                            + " values (?, ?, ?, now(), false) on conflict (topic, partition) do update"
                            + " set replica_id = excluded.replica_id, assigned_at = excluded.assigned_at,"
                            + " ready = false",
                    topic,
                    p,
                    replicaId);
        }
        ownersReadAt = Long.MIN_VALUE;
    }

    private void write(String what, int partition, String sql, Object... args) {
        try {
            jdbc.update(sql, args);
        } catch (RuntimeException e) {
            log.warn("index_partitions not updated ({} partition {}): {}", what, partition, e.toString());
        }
    }

    /** The replay of this partition caught up with the end of the topic as it was at assignment. */
    public void ready(int partition) {
        if (local.replace(partition, false, true)) {
            write(
                    "ready",
                    partition,
                    "update index_partitions set ready = true where topic = ? and partition = ? and replica_id = ?",
                    topic,
                    partition,
                    replicaId);
        }
    }

    /** The consumer lost these partitions: no longer held here; only this replica's rows are deleted. */
    public void revoked(Collection<Integer> revoked) {
        for (int p : revoked) {
            local.remove(p);
            write(
                    "revoked",
                    p,
                    "delete from index_partitions where topic = ? and partition = ? and replica_id = ?",
                    topic,
                    p,
                    replicaId);
        }
        ownersReadAt = Long.MIN_VALUE;
    }

    /** Partitions held here (ready or replaying). */
    public Set<Integer> held() {
        return new TreeSet<>(local.keySet());
    }

    /** Partitions held here and ready. */
    public Set<Integer> readyPartitions() {
        Set<Integer> out = new TreeSet<>();
        local.forEach((p, ready) -> {
            if (ready) {
                out.add(p);
            }
        });
        return out;
    }

    public String replicaId() {
        return replicaId;
    }

    public String topic() {
        return topic;
    }

    public int partitions() {
        return partitions;
    }
}
