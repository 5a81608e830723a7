package io.zeekagent.hub.agent;

import io.zeekagent.hub.host.PresenceChange;
import java.util.List;
import java.util.Set;

/** What the agent protocol needs from the host feature: registration and liveness. */
interface AgentRegistry {

    /**
     * Applies presence changes in order, in one transaction.
     *
     * @return per change: for an announcement whether it was a reconnect, otherwise whether the host is known
     */
    boolean[] apply(List<PresenceChange> changes);

    /** Ids of the hosts ONLINE over {@code transport}. */
    Set<String> onlineHostIds(String transport);
}
