package io.zeekagent.hub.agent;

import java.util.Set;

/** What the agent protocol needs from the host feature: registration and liveness. */
interface AgentRegistry {

    /** Creates or updates the host from its announcement and marks it ONLINE; returns whether it was known. */
    boolean register(HostAnnouncement announcement, String transport);

    /** Marks the host ONLINE again without an announcement (it is heard from); returns whether it is known. */
    boolean markSeen(String hostId);

    /** Marks the host OFFLINE. */
    void markOffline(String hostId);

    /** Ids of the hosts ONLINE over {@code transport}. */
    Set<String> onlineHostIds(String transport);
}
