package io.zeekagent.hub.cluster;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of hub replicas ({@code hub.cluster.*}).
 *
 * @param engine {@code embedded} (default: one node, today's behaviour) or {@code kafka} (replicas; needs the
 *     {@code postgres} profile and {@code spring.kafka.bootstrap-servers})
 * @param replicaId this replica's name in the lease and ownership tables; blank means host name plus a random
 *     suffix, new at every start, so a restarted replica never inherits a dead one's lease
 * @param advertisedUrl base URL other replicas use to reach this one's REST API; blank means
 *     {@code http://<host name>:<server port>}
 * @param heartbeat how often the lease is renewed and the leader runs its sweeps
 * @param lease how long a replica counts as alive after its last renewal; then the leader releases its hosts and
 *     marks them OFFLINE
 */
@Validated
@ConfigurationProperties("hub.cluster")
record ClusterProperties(
        @DefaultValue("embedded") @NotNull ClusterEngine engine,
        @DefaultValue("") String replicaId,
        @DefaultValue("") String advertisedUrl,
        @DefaultValue("5s") @NotNull Duration heartbeat,
        @DefaultValue("15s") @NotNull Duration lease) {

    ClusterProperties {
        if (lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(
                    "hub.cluster.lease (" + lease + ") must be at least twice hub.cluster.heartbeat (" + heartbeat
                            + "), or a replica that is only slow loses its hosts");
        }
    }

    /** The configured replica id, or {@code fallback} when none is set. */
    String replicaIdOr(String fallback) {
        return replicaId.isBlank() ? fallback : replicaId;
    }

    /** The configured advertised URL, or null. */
    @Nullable
    String advertisedUrlOrNull() {
        return advertisedUrl.isBlank() ? null : advertisedUrl;
    }
}
