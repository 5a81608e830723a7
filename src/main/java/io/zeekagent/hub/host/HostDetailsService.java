package io.zeekagent.hub.host;

import io.zeekagent.hub.system.PageResponse;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The details a Zeek Agent v2 reports about its host (platform, OS, kernel, tables), stored beside the host record
 * so that they survive a restart and show on the host resource. Kept apart from {@link HostService}: the host
 * record is the same for both agent generations, the details are v2's alone. They go when the host is deleted (the
 * foreign key cascades).
 */
@Service
public class HostDetailsService {

    private final HostDetailsRepository details;
    private final HostRepository hosts;

    HostDetailsService(HostDetailsRepository details, HostRepository hosts) {
        this.details = details;
        this.hosts = hosts;
    }

    /**
     * Stores what the agent said, replacing what it said before.
     *
     * @return whether they were stored: false when the host is not (or no longer) known
     */
    @Transactional
    public boolean record(String hostId, HostDetails reported) {
        if (!hosts.existsById(hostId)) {
            return false;
        }
        details.save(new StoredHostDetails(hostId, reported));
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<HostDetails> find(String hostId) {
        return details.findById(hostId).map(StoredHostDetails::toDetails);
    }

    /** The host as the API shows it: its record with what its v2 agent reported, if anything. */
    @Transactional(readOnly = true)
    HostResponse addTo(HostResponse host) {
        return host.withDetails(find(host.hostId()).orElse(null));
    }

    /** A page of hosts with their v2 details, read in one query. */
    @Transactional(readOnly = true)
    PageResponse<HostResponse> addTo(PageResponse<HostResponse> hosts) {
        Map<String, HostDetails> reported =
                details
                        .findAllById(hosts.content().stream()
                                .map(HostResponse::hostId)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(StoredHostDetails::hostId, StoredHostDetails::toDetails));
        return new PageResponse<>(
                hosts.content().stream()
                        .map(h -> h.withDetails(reported.get(h.hostId())))
                        .toList(),
                hosts.page(),
                hosts.size(),
                hosts.totalElements(),
                hosts.totalPages());
    }
}
