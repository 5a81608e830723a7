/**
 * Hub replicas' socket-event stream on Apache Kafka ({@code hub.cluster.engine=kafka} only): the producer ingestion
 * publishes to, the consumer group that stores events in PostgreSQL and the one whose partitions each replica holds
 * in its hot index. The only package besides {@code cluster} that may touch Kafka classes; nothing depends on it.
 */
@NullMarked
package io.zeekagent.hub.stream;

import org.jspecify.annotations.NullMarked;
