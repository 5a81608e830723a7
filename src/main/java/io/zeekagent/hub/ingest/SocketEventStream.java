package io.zeekagent.hub.ingest;

import java.util.List;

/**
 * Where validated socket events go instead of the local writer when hub replicas share an event stream
 * ({@code hub.cluster.engine=kafka}): the stream's consumers store them ({@link SocketEventIngestService#storeFromStream})
 * and index them ({@link SocketEventIngestService#indexFromStream}). Absent on a single node.
 */
public interface SocketEventStream {

    /**
     * Publishes a REST batch and returns once the brokers acknowledged every event.
     *
     * @throws io.zeekagent.hub.system.ServiceUnavailableException when they did not within the configured time
     */
    void publish(List<StoredSocketEvent> events);

    /** Queues an agent's event without blocking; false when the bounded queue is full (dropped and counted). */
    boolean offer(StoredSocketEvent event);

    /** Events queued and not yet handed to the brokers. */
    int queued();
}
