package io.zeekagent.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** Tests for {@link KeyPartitioner}: the same partition as Kafka's default partitioner gives a keyed record. */
class KeyPartitionerTests {

    @Test
    void matchesKafkasMurmur2AndPartitionFormulaForManyKeys() {
        Random random = new Random(21);
        for (int i = 0; i < 20_000; i++) {
            String key = i % 3 == 0 ? "host-" + i : randomKey(random);
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            assertThat(KeyPartitioner.murmur2(bytes)).as(key).isEqualTo(Utils.murmur2(bytes));
            for (int partitions : new int[] {1, 6, 12, 64, 256}) {
                assertThat(KeyPartitioner.partition(key, partitions))
                        .as(key)
                        .isEqualTo(Utils.toPositive(Utils.murmur2(bytes)) % partitions);
            }
        }
    }

    private static String randomKey(Random random) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            out.append((char) (random.nextInt(3) == 0 ? 0x00e0 + random.nextInt(200) : 'a' + random.nextInt(26)));
        }
        return out.toString();
    }
}
