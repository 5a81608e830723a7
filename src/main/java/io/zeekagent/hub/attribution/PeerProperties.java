package io.zeekagent.hub.attribution;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-replica attribution settings ({@code hub.cluster.*}; used only with {@code hub.cluster.engine=kafka}).
 *
 * @param internalToken the secret replicas present to each other's internal lookup API (as their API key); blank
 *     means the configured admin key ({@code hub.security.admin-key}) is presented instead
 * @param peerTimeout connect and answer timeout of one call to another replica; past it the hosts it holds are
 *     answered from the database, flagged {@code replica-unreachable}
 * @param peerParallelism threads making calls to other replicas in parallel, over all requests (concurrent requests
 *     to one replica share calls anyway: {@link CoalescingPeerTransport})
 * @param peerBatch lookups per call (a batch enrichment group is split into calls of at most this many per owner)
 * @param addressRefresh how often the address map is brought up to date from the database's change log
 */
@ConfigurationProperties("hub.cluster")
record PeerProperties(
        @DefaultValue("") String internalToken,
        @DefaultValue("2s") Duration peerTimeout,
        @DefaultValue("8") int peerParallelism,
        @DefaultValue("1000") int peerBatch,
        @DefaultValue("1s") Duration addressRefresh) {}
