package io.zeekagent.hub.cluster;

import java.util.concurrent.CountDownLatch;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One KRaft Kafka broker from the test jars (spring-kafka-test), for trying replicas on one machine without a Kafka
 * download (docs/scale-out.md): {@code java -cp <test class path> io.zeekagent.hub.cluster.KafkaTestBroker}. It prints
 * its address ({@code localhost:<free port>}; the KRaft test kit picks the port) for
 * {@code spring.kafka.bootstrap-servers}, and writes it to {@code target/kafka-test-broker.address}. Data lives in a temporary directory and is gone when it stops (Ctrl-C). Not for production.
 */
public final class KafkaTestBroker {

    private KafkaTestBroker() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 12);
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        System.out.println("Kafka broker (KRaft, one node) listening at " + broker.getBrokersAsString());
        try {
            java.nio.file.Files.writeString(
                    java.nio.file.Path.of("target", "kafka-test-broker.address"), broker.getBrokersAsString());
        } catch (java.io.IOException e) {
            System.out.println("(address not written to target/: " + e + ")");
        }
        new CountDownLatch(1).await();
    }
}
