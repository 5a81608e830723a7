package io.zeekagent.hub.cluster;

import java.nio.charset.StandardCharsets;

/**
 * Kafka's default partitioner for keyed records ({@code toPositive(murmur2(key)) % partitions}) in plain Java, so
 * that routing a host needs no Kafka class; {@code KeyPartitionerTests} checks it against Kafka's own.
 */
final class KeyPartitioner {

    private KeyPartitioner() {}

    /** The partition of a UTF-8 key among {@code partitions}. */
    static int partition(String key, int partitions) {
        return (murmur2(key.getBytes(StandardCharsets.UTF_8)) & 0x7fffffff) % partitions;
    }

    /** MurmurHash2, 32 bit, seed 0x9747b28c: the variant Kafka's {@code Utils.murmur2} implements. */
    static int murmur2(byte[] data) {
        int length = data.length;
        int seed = 0x9747b28c;
        int m = 0x5bd1e995;
        int r = 24;
        int h = seed ^ length;
        int length4 = length / 4;
        for (int i = 0; i < length4; i++) {
            int i4 = i * 4;
            int k = (data[i4] & 0xff)
                    + ((data[i4 + 1] & 0xff) << 8)
                    + ((data[i4 + 2] & 0xff) << 16)
                    + ((data[i4 + 3] & 0xff) << 24);
            k *= m;
            k ^= k >>> r;
            k *= m;
            h *= m;
            h ^= k;
        }
        int tail = length & ~3;
        switch (length % 4) {
            case 3:
                h ^= (data[tail + 2] & 0xff) << 16;
            // fall through
            case 2:
                h ^= (data[tail + 1] & 0xff) << 8;
            // fall through
            case 1:
                h ^= data[tail] & 0xff;
                h *= m;
                break;
            default:
                break;
        }
        h ^= h >>> 13;
        h *= m;
        h ^= h >>> 15;
        return h;
    }
}
