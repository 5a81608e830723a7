package io.zeekagent.hub.agent;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a v1 agent says about itself in {@code ZeekAgent::host_new}.
 *
 * @param peerName the agent's Broker/ZeroMQ peer name
 * @param hostname its hostname; absent in the 5-argument form
 * @param hostId the machine UUID (or hostname fallback) it is addressed by
 * @param groups the groups it joined from its configuration
 * @param version agent version, e.g. {@code 1.1.0}
 * @param edition {@code standalone} or {@code osquery}
 * @param addresses its non-loopback interface addresses; empty before the 7-argument form
 */
public record HostAnnouncement(
        String peerName,
        @Nullable String hostname,
        String hostId,
        List<String> groups,
        String version,
        String edition,
        List<String> addresses) {

    public HostAnnouncement {
        groups = List.copyOf(groups);
        addresses = List.copyOf(addresses);
    }
}
