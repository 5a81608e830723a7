package io.zeekagent.hub.agent;

import io.zeekagent.hub.host.HostPresenceService;
import io.zeekagent.hub.host.PresenceChange;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@link AgentRegistry} on the host feature's {@link HostPresenceService}. */
@Component
class HostPresenceAgentRegistry implements AgentRegistry {

    private final HostPresenceService hosts;

    HostPresenceAgentRegistry(HostPresenceService hosts) {
        this.hosts = hosts;
    }

    @Override
    public boolean[] apply(List<PresenceChange> changes) {
        return hosts.apply(changes);
    }

    @Override
    public Set<String> onlineHostIds(String transport) {
        return hosts.onlineHostIds(transport);
    }
}
