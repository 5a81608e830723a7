package io.zeekagent.hub.agent;

import io.zeekagent.hub.host.AgentAnnouncement;
import io.zeekagent.hub.host.HostResponse;
import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.host.HostStatus;
import io.zeekagent.hub.system.Paging;
import java.util.HashSet;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** {@link AgentRegistry} on the host feature's {@link HostService}. */
@Component
class HostServiceAgentRegistry implements AgentRegistry {

    private final HostService hosts;

    HostServiceAgentRegistry(HostService hosts) {
        this.hosts = hosts;
    }

    @Override
    public boolean register(HostAnnouncement a, String transport) {
        return hosts.registerAgent(new AgentAnnouncement(
                a.hostId(),
                a.hostname(),
                a.peerName(),
                a.groups(),
                a.version(),
                a.edition(),
                a.addresses(),
                transport));
    }

    @Override
    public boolean markSeen(String hostId) {
        return hosts.touch(hostId);
    }

    @Override
    public void markOffline(String hostId) {
        hosts.markOffline(hostId);
    }

    @Override
    public Set<String> onlineHostIds(String transport) {
        Set<String> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            var p = hosts.list(HostStatus.ONLINE, null, null, Paging.of(page, Paging.MAX_SIZE, Sort.by("hostId")));
            for (HostResponse h : p.content()) {
                if (transport.equals(h.transport())) {
                    ids.add(h.hostId());
                }
            }
            if (page + 1 >= p.totalPages()) {
                return ids;
            }
        }
    }
}
