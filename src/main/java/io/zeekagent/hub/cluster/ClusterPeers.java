package io.zeekagent.hub.cluster;

import java.util.Optional;

/** This replica's id and the base URL of each live replica's internal API ({@code hub_replicas.api_url}). */
public interface ClusterPeers {

    /** This replica's id, as {@link IndexPartitions#ownerOf} names replicas. */
    String self();

    /** The base URL (no trailing slash) the replica's internal API answers at, or empty when it has no live lease. */
    Optional<String> apiUrl(String replicaId);
}
