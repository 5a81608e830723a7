package io.zeekagent.hub.host;

import io.zeekagent.hub.net.IpAddresses;
import io.zeekagent.hub.system.ConflictException;
import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import io.zeekagent.hub.system.NotFoundException;
import io.zeekagent.hub.system.PageResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hosts over REST: pre-registration, assignments, reads, and the membership lookups dispatch and queries need.
 * Agents register and keep hosts alive through {@link HostPresenceService}. Publishes {@link HostAddressesChanged} inside the writing transaction; listeners use
 * {@code @TransactionalEventListener} to act after commit.
 */
@Service
public class HostService implements HostAddressLookup {

    private final HostRepository hosts;
    private final HostMembership membership;
    private final GroupDirectory groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HostService(
            HostRepository hosts,
            HostMembership membership,
            GroupDirectory groups,
            ApplicationEventPublisher events,
            Clock clock) {
        this.hosts = hosts;
        this.membership = membership;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    /** A page of hosts, optionally only those with a status, in an (effective) group, or known by an address. */
    @Transactional(readOnly = true)
    public PageResponse<HostResponse> list(
            @Nullable HostStatus status, @Nullable String group, @Nullable String address, Pageable pageable) {
        Specification<Host> spec = (root, query, cb) -> cb.conjunction();
        if (status != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        Set<String> ids = null;
        if (address != null) {
            String normalized = IpAddresses.normalize(address)
                    .orElseThrow(() -> InvalidRequestException.forField("address", "not an IPv4 or IPv6 address"));
            ids = new HashSet<>(hosts.findHostIdsByAddress(normalized));
        }
        if (group != null) {
            Set<String> members = membership.memberIds(group);
            if (ids == null) {
                ids = members;
            } else {
                ids.retainAll(members);
            }
        }
        if (ids != null) {
            if (ids.isEmpty()) {
                return new PageResponse<>(List.of(), pageable.getPageNumber(), pageable.getPageSize(), 0, 0);
            }
            Set<String> wanted = ids;
            spec = spec.and((root, query, cb) -> root.get("hostId").in(wanted));
        }
        Page<Host> page = hosts.findAll(spec, pageable);
        List<GroupRule> rules = membership.rules();
        return PageResponse.from(page, host -> toResponse(host, rules));
    }

    @Transactional(readOnly = true)
    public HostResponse get(String hostId) {
        return toResponse(load(hostId), membership.rules());
    }

    @Transactional(readOnly = true)
    public Optional<HostResponse> find(String hostId) {
        return hosts.findById(hostId).map(host -> toResponse(host, membership.rules()));
    }

    /** Registers a host before its agent connects; 409 when the id is taken. */
    @Transactional
    public HostResponse preRegister(PreRegisterHostRequest request) {
        if (hosts.existsById(request.hostId())) {
            throw new ConflictException(
                    "host-exists", "Host already exists", "A host with id '" + request.hostId() + "' already exists");
        }
        Set<String> addresses = normalizeAssigned(request.addresses());
        // Assigning first validates the groups before anything about the host is stored.
        groups.assign(request.hostId(), request.groups() == null ? Set.of() : request.groups());
        Host host = new Host(request.hostId(), HostStatus.PENDING, now());
        host.setHostname(request.hostname());
        host.replaceAssignedAddresses(addresses);
        hosts.save(host);
        events.publishEvent(new HostAddressesChanged(host.toAddresses(), false));
        return toResponse(host, membership.rules());
    }

    /** Replaces the assigned addresses and/or groups given in the request. */
    @Transactional
    public HostResponse update(String hostId, UpdateHostRequest request) {
        Host host = load(hostId);
        boolean changed = false;
        if (request.addresses() != null && host.replaceAssignedAddresses(normalizeAssigned(request.addresses()))) {
            changed = true;
            events.publishEvent(new HostAddressesChanged(host.toAddresses(), false));
        }
        if (request.groups() != null) {
            Set<String> before = HostMembership.assignedGroups(hostId, membership.rules());
            groups.assign(hostId, request.groups());
            changed = true;
            publishGroupChange(hostId, before, request.groups());
        }
        if (changed) {
            host.setUpdatedAt(now());
        }
        return toResponse(host, membership.rules());
    }

    /** Forgets a host; group assignments and subscriptions naming it are kept, as they may name unseen hosts. */
    @Transactional
    public void delete(String hostId) {
        Host host = load(hostId);
        hosts.delete(host);
        events.publishEvent(new HostAddressesChanged(new HostAddresses(hostId, host.getHostname(), Set.of()), true));
    }

    /** The host's effective groups; empty for an unknown host. */
    @Transactional(readOnly = true)
    public Set<String> findEffectiveGroups(String hostId) {
        return hosts.findById(hostId)
                .map(host -> HostMembership.effectiveGroups(host, membership.rules()))
                .orElse(Set.of());
    }

    /** Ids of the known hosts that are effective members of the group. */
    @Transactional(readOnly = true)
    public Set<String> hostIdsInGroup(String group) {
        return new TreeSet<>(membership.memberIds(group));
    }

    /** The known hosts that are effective members of the group, ordered by id. */
    @Transactional(readOnly = true)
    public List<HostResponse> hostsInGroup(String group) {
        List<GroupRule> rules = membership.rules();
        return hosts.findAllById(membership.memberIds(group)).stream()
                .sorted(Comparator.comparing(Host::getHostId))
                .map(host -> toResponse(host, rules))
                .toList();
    }

    /**
     * Every ONLINE host with its transport and effective groups, read with a few projection queries rather than
     * entity by entity: the dispatcher reads this on every tick, for 10,000 hosts and more.
     */
    @Transactional(readOnly = true)
    public List<OnlineHost> onlineHosts() {
        return membership.onlineHosts();
    }

    @Override
    @Transactional(readOnly = true)
    public List<HostAddresses> allHostAddresses() {
        return hosts.findAll().stream().map(Host::toAddresses).toList();
    }

    private Host load(String hostId) {
        return hosts.findById(hostId).orElseThrow(() -> NotFoundException.of("host", hostId));
    }

    private static HostResponse toResponse(Host host, List<GroupRule> rules) {
        return HostResponse.from(
                host,
                HostMembership.effectiveGroups(host, rules),
                HostMembership.assignedGroups(host.getHostId(), rules));
    }

    private static Set<String> normalizeAssigned(@Nullable Collection<String> addresses) {
        Set<String> result = new LinkedHashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        int i = 0;
        for (String address : orEmpty(addresses)) {
            Optional<String> normalized = address == null ? Optional.empty() : IpAddresses.normalize(address);
            if (normalized.isPresent()) {
                result.add(normalized.get());
            } else {
                problems.add(
                        new FieldProblem("addresses[" + i + "]", "'" + address + "' is not an IPv4 or IPv6 address"));
            }
            i++;
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(
                    "invalid-address", "Invalid address", problems.get(0).message(), problems);
        }
        return result;
    }

    private static <T> Collection<T> orEmpty(@Nullable Collection<T> values) {
        return values == null ? List.of() : values;
    }

    private Instant now() {
        // Databases keep microseconds; truncating keeps what is returned equal to what is read back later.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void publishGroupChange(String hostId, Set<String> before, Set<String> after) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        if (!added.isEmpty() || !removed.isEmpty()) {
            events.publishEvent(new HostGroupsAssigned(hostId, added, removed));
        }
    }
}
