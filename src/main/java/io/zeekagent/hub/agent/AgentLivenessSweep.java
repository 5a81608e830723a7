package io.zeekagent.hub.agent;

import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * After a hub restart, gives agents {@code hub.agent.reconnect-grace} to resubscribe through the new proxy, then
 * marks the v1 hosts that did not come back OFFLINE; once.
 */
@Component
class AgentLivenessSweep {

    private final V1AgentGateway gateway;
    private final Duration grace;
    private final Instant started = Instant.now();
    private volatile boolean done;

    AgentLivenessSweep(V1AgentGateway gateway, AgentProperties properties) {
        this.gateway = gateway;
        this.grace = properties.reconnectGrace();
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void sweepOnceAfterGrace() {
        if (!done && Instant.now().isAfter(started.plus(grace))) {
            done = true;
            gateway.sweepVanished();
        }
    }
}
