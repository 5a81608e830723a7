package io.zeekagent.hub.dispatch;

import java.util.Set;

/**
 * An online host as the dispatcher sees it.
 *
 * @param hostId the host
 * @param transport the transport it is reached over (see {@link AgentTransport#name()})
 * @param groups its effective groups: announced ∪ assigned over REST ∪ subnet groups
 */
public record DispatchHost(String hostId, String transport, Set<String> groups) {

    public DispatchHost {
        groups = Set.copyOf(groups);
    }
}
