package io.zeekagent.hub.cluster;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The socket-event stream of hub replicas ({@code hub.cluster.kafka.*}; read only with {@code hub.cluster.engine=kafka},
 * brokers from {@code spring.kafka.bootstrap-servers}).
 *
 * @param topic the socket-event topic, keyed by host id
 * @param partitions its partitions (when the hub creates it): the unit of index ownership, so at least the most
 *     replicas ever run
 * @param replicationFactor its replication factor (when the hub creates it)
 * @param retention its {@code retention.ms} (when the hub creates it): at least the hot window
 * @param createTopics whether the hub creates the topic at startup when it is missing
 * @param bufferCapacity events the producer's queue holds for agents (REST waits for the broker instead); beyond it
 *     events are dropped and counted ({@code hub.cluster.stream.dropped})
 * @param ackTimeout how long a REST ingest waits for the broker before it answers 503
 * @param storeGroup the consumer group that writes events to PostgreSQL
 * @param storeConsumers consumers of that group per replica (each writes its own batches: parallel COPY)
 * @param indexGroup the consumer group whose partitions each replica holds in its hot index
 * @param hotWindow how far back a replica replays a partition it is given; blank means {@code hub.attribution.retention}
 * @param ownerCache how long {@link IndexPartitions#ownerOf} answers from its copy of {@code index_partitions}
 * @param properties further Kafka client properties (security, compression, ...), passed to producer, consumers
 *     and admin as they are
 */
@Validated
@ConfigurationProperties("hub.cluster.kafka")
public record KafkaStreamProperties(
        @DefaultValue("hub-socket-events") @NotBlank String topic,
        @DefaultValue("12") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("24h") @NotNull Duration retention,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("100000") @Min(1) int bufferCapacity,
        @DefaultValue("10s") @NotNull Duration ackTimeout,
        @DefaultValue("store") @NotBlank String storeGroup,
        @DefaultValue("2") @Min(1) int storeConsumers,
        @DefaultValue("index") @NotBlank String indexGroup,
        @Nullable Duration hotWindow,
        @DefaultValue("1s") @NotNull Duration ownerCache,
        @DefaultValue Map<String, String> properties) {}
