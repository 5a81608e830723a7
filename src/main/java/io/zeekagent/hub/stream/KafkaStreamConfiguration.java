package io.zeekagent.hub.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeekagent.hub.attribution.AttributionProperties;
import io.zeekagent.hub.attribution.HostReplay;
import io.zeekagent.hub.cluster.JdbcIndexPartitions;
import io.zeekagent.hub.cluster.KafkaStreamProperties;
import io.zeekagent.hub.ingest.SocketEventIngestService;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * {@code hub.cluster.engine=kafka}: the socket-event topic (created when allowed), the producer ingestion publishes
 * to, and the two consumer groups (store, index). Built from {@code spring.kafka.bootstrap-servers} and
 * {@code hub.cluster.kafka.*} only; with the embedded engine this class is never loaded, nor any Kafka class.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.cluster.engine", havingValue = "kafka")
class KafkaStreamConfiguration {

    private final Map<String, Object> common = new HashMap<>();
    private final String bootstrap;

    KafkaStreamConfiguration(Environment environment, KafkaStreamProperties properties) {
        this.bootstrap = environment.getProperty("spring.kafka.bootstrap-servers", "");
        common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        common.putAll(properties.properties());
    }

    private Map<String, Object> config(Map<String, Object> own) {
        Map<String, Object> out = new HashMap<>(own);
        // What the operator set under hub.cluster.kafka.properties wins over the hub's defaults.
        out.putAll(common);
        return out;
    }

    @Bean
    KafkaAdmin kafkaAdmin(KafkaStreamProperties properties) {
        KafkaAdmin admin = new KafkaAdmin(config(Map.of()));
        admin.setAutoCreate(properties.createTopics());
        admin.setOperationTimeout(15);
        return admin;
    }

    @Bean
    NewTopic socketEventTopic(KafkaStreamProperties properties) {
        return TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .config(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(properties.retention().toMillis()))
                .build();
    }

    @Bean(destroyMethod = "close")
    QueuedEventPublisher socketEventStream(KafkaStreamProperties properties, MeterRegistry meters) {
        Map<String, Object> own = new HashMap<>();
        own.put(ProducerConfig.ACKS_CONFIG, "all");
        own.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        own.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        own.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        own.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        own.put(ProducerConfig.CLIENT_ID_CONFIG, "hub-socket-events");
        Producer<String, byte[]> producer = new DefaultKafkaProducerFactory<>(
                        config(own), new StringSerializer(), new ByteArraySerializer())
                .createProducer();
        String topic = properties.topic();
        RecordSender sender = new RecordSender() {
            @Override
            public int partitions() {
                return producer.partitionsFor(topic).size();
            }

            @Override
            public void send(int partition, String key, byte[] value, java.util.function.Consumer<Exception> done) {
                producer.send(new ProducerRecord<>(topic, partition, key, value), (metadata, e) -> done.accept(e));
            }

            @Override
            public void flush() {
                producer.flush();
            }

            @Override
            public void close() {
                producer.close(Duration.ofSeconds(10));
            }
        };
        return new QueuedEventPublisher(sender, properties.bufferCapacity(), properties.ackTimeout(), meters);
    }

    @Bean(destroyMethod = "close")
    KafkaStreamStatus kafkaStreamStatus(KafkaStreamProperties properties, QueuedEventPublisher stream) {
        return new KafkaStreamStatus(Admin.create(config(Map.of())), bootstrap, properties.topic(), stream);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> storeConsumer(
            KafkaStreamProperties properties, SocketEventIngestService ingest, MeterRegistry meters) {
        Map<String, Object> own = consumer(properties.storeGroup());
        own.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ContainerProperties container = new ContainerProperties(properties.topic());
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        container.setMessageListener(new StoreListener(ingest, meters));
        var consumers = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(config(own), new StringDeserializer(), new ByteArrayDeserializer()),
                container);
        consumers.setConcurrency(properties.storeConsumers());
        lag(meters, consumers, "store");
        // PostgreSQL down: the batch is retried every second, for as long as it takes; Kafka keeps the events.
        consumers.setCommonErrorHandler(
                new DefaultErrorHandler(new FixedBackOff(1_000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        return consumers;
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> indexConsumer(
            KafkaStreamProperties properties,
            AttributionProperties attribution,
            SocketEventIngestService ingest,
            JdbcIndexPartitions partitions,
            MeterRegistry meters) {
        Map<String, Object> own = consumer(properties.indexGroup());
        own.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // Cooperative: a replica joining or leaving moves only the partitions that change owner, not all of them.
        own.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        Duration window = properties.hotWindow() != null ? properties.hotWindow() : attribution.retention();
        IndexListener listener = new IndexListener(ingest, partitions, window, Clock.systemUTC(), meters);
        ContainerProperties container = new ContainerProperties(properties.topic());
        // Never committed: on assignment the replica reads its hot window again (or resumes where its index is).
        container.setAckMode(ContainerProperties.AckMode.MANUAL);
        container.setMessageListener(listener);
        container.setConsumerRebalanceListener(listener);
        var consumers = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(config(own), new StringDeserializer(), new ByteArrayDeserializer()),
                container);
        lag(meters, consumers, "index");
        return consumers;
    }

    private static void lag(MeterRegistry meters, ConcurrentMessageListenerContainer<?, ?> consumers, String group) {
        Gauge.builder("hub.cluster.stream.lag", consumers, ConsumerLag::of)
                .tag("group", group)
                .description(
                        "Records (of up to 500 events) this replica's consumers of the group are behind (Kafka's records-lag-max)")
                .register(meters);
    }

    private static Map<String, Object> consumer(String group) {
        Map<String, Object> own = new HashMap<>();
        own.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        own.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A record carries up to 500 events (EventBytes), ~80 when a batch of 1,000 spreads over 12 partitions: 200
        // records are ~16 k events under load (one COPY, one transaction), at most 100 k (12.5 MiB of values).
        own.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        // Fuller batches (one COPY each) for at most 50 ms more latency.
        own.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 256 * 1024);
        own.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        // A killed replica's partitions move after 10 s (Kafka's default is 45 s).
        own.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        own.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        return own;
    }

    @Bean
    HostReplay hostReplay(JdbcIndexPartitions partitions) {
        return new HostReplay() {
            @Override
            public boolean any() {
                return partitions.anyReplaying();
            }

            @Override
            public boolean replaying(String hostId) {
                return partitions.replaying(hostId);
            }
        };
    }
}
