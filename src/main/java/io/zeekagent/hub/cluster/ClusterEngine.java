package io.zeekagent.hub.cluster;

/** How the hub runs: one embedded node (the default) or one of several replicas sharing Kafka and PostgreSQL. */
public enum ClusterEngine {
    /** One process owns every host and runs every sweep; no other service is needed. */
    EMBEDDED,
    /** Replicas on Apache Kafka (event stream, commands) and PostgreSQL (ownership, leases, leader lock). */
    KAFKA
}
