package io.zeekagent.hub.cluster;

import java.util.Map;

/** The event stream's state for the {@code cluster} health component: the Kafka connection, producer, consumers. */
public interface StreamStatus {

    /** Whether the brokers answered recently. */
    boolean connected();

    /** Details shown under {@code kafka} in the health component. */
    Map<String, Object> details();
}
