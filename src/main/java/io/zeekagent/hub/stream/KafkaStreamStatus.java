package io.zeekagent.hub.stream;

import io.zeekagent.hub.cluster.StreamStatus;
import io.zeekagent.hub.ingest.SocketEventStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * The Kafka connection as the health component shows it: the brokers' answer to a describe-cluster call (at most
 * one every 5 s, 2 s timeout) and the producer's queue.
 */
final class KafkaStreamStatus implements StreamStatus, AutoCloseable {

    private static final long EVERY_MILLIS = 5_000;

    private final Admin admin;
    private final String bootstrap;
    private final String topic;
    private final SocketEventStream stream;
    private volatile long checkedAt;
    private volatile boolean connected;
    private volatile String detail = "not checked yet";

    KafkaStreamStatus(Admin admin, String bootstrap, String topic, SocketEventStream stream) {
        this.admin = admin;
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.stream = stream;
    }

    @Override
    public boolean connected() {
        check();
        return connected;
    }

    @Override
    public Map<String, Object> details() {
        check();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bootstrapServers", bootstrap);
        out.put("connected", connected);
        out.put("brokers", detail);
        out.put("topic", topic);
        out.put("producerQueue", stream.queued());
        return out;
    }

    private synchronized void check() {
        long now = System.currentTimeMillis();
        if (now - checkedAt < EVERY_MILLIS) {
            return;
        }
        checkedAt = now;
        try {
            var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                    .nodes()
                    .get(2_500, TimeUnit.MILLISECONDS);
            connected = !nodes.isEmpty();
            detail = nodes.stream().map(Node::toString).toList().toString();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            connected = false;
            detail = "unreachable: " + e;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
