package io.zeekagent.hub.host;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What other features need to know about a host's network identity: its id, hostname and every address it is
 * known by (announced by the agent ∪ assigned over REST), as text.
 */
public record HostAddresses(String hostId, @Nullable String hostname, Set<String> addresses) {

    public HostAddresses {
        addresses = Set.copyOf(addresses);
    }
}
