package io.zeekagent.hub.agent;

import io.zeekagent.hub.cluster.HostOwnership;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * With replicas: every heartbeat, the v1 hosts connected to this replica that it does not own are heard from again
 * ({@link V1AgentGateway#heardFromUnowned}), so that a host the leader released while its agent stayed connected
 * (this replica's lease lapsed in a database outage; or this replica restarted and its agents came back before the
 * old process's lease ran out) is claimed again without a reconnect. Nothing else a connected v1 agent says would do
 * it: it announces itself only when it connects, and its rows reach the host table only while the host is not known
 * ONLINE here. Costs one read of this replica's owned hosts per run; does nothing on a single node.
 */
@Component
class ConnectedHostClaims {

    private static final Logger log = LoggerFactory.getLogger(ConnectedHostClaims.class);

    private final V1AgentGateway gateway;
    private final HostOwnership ownership;

    ConnectedHostClaims(V1AgentGateway gateway, HostOwnership ownership) {
        this.gateway = gateway;
        this.ownership = ownership;
    }

    @Scheduled(fixedDelayString = "${hub.cluster.heartbeat:5s}", initialDelayString = "${hub.cluster.heartbeat:5s}")
    void run() {
        try {
            claimUnowned();
        } catch (RuntimeException e) {
            log.warn("Checking the ownership of the v1 hosts connected here failed: {}", e.toString());
        }
    }

    /** Hears again from the connected hosts this replica does not own; returns how many. */
    int claimUnowned() {
        if (!ownership.isShared()) {
            return 0;
        }
        Set<String> connected = gateway.connectedHostIds();
        if (connected.isEmpty()) {
            return 0;
        }
        connected.removeAll(ownership.ownedAmong(connected));
        connected.forEach(gateway::heardFromUnowned);
        return connected.size();
    }
}
