package io.zeekagent.hub.host;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an agent says about itself when it connects ({@code ZeekAgent::host_new} in v1, the hello in v2).
 *
 * @param hostId the agent's host id
 * @param hostname its hostname, when announced (the 5-argument v1 form has none)
 * @param peerName its Broker endpoint id
 * @param groups groups from its configuration
 * @param version the agent version
 * @param edition the agent edition ({@code standalone}, {@code osquery}), when known
 * @param addresses its interface addresses as text; invalid entries are ignored
 * @param transport how it is connected, e.g. {@code zeromq-v1}, {@code websocket-v2} or {@code osquery}
 */
public record AgentAnnouncement(
        String hostId,
        @Nullable String hostname,
        @Nullable String peerName,
        List<String> groups,
        @Nullable String version,
        @Nullable String edition,
        List<String> addresses,
        @Nullable String transport) {

    public AgentAnnouncement {
        groups = List.copyOf(groups);
        addresses = List.copyOf(addresses);
    }
}
