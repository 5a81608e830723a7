package io.zeekagent.hub.host;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An ONLINE host as dispatch needs it, read in bulk by {@link HostService#onlineHosts()}.
 *
 * @param hostId the host
 * @param transport how its agent is connected; null when it never said (a host made ONLINE by hand)
 * @param groups its effective groups: announced ∪ assigned over REST ∪ groups whose subnets contain an address
 */
public record OnlineHost(String hostId, @Nullable String transport, Set<String> groups) {

    public OnlineHost {
        groups = Set.copyOf(groups);
    }
}
