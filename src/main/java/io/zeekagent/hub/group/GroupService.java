package io.zeekagent.hub.group;

import io.zeekagent.hub.host.HostResponse;
import io.zeekagent.hub.host.HostService;
import io.zeekagent.hub.net.Cidr;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Groups: define, change and delete them, and list their effective members. */
@Service
public class GroupService {

    private final HostGroupRepository groups;
    private final HostService hosts;
    private final List<GroupReferences> references;
    private final Clock clock;

    GroupService(HostGroupRepository groups, HostService hosts, List<GroupReferences> references, Clock clock) {
        this.groups = groups;
        this.hosts = hosts;
        this.references = references;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResponse<GroupResponse> list(Pageable pageable) {
        return PageResponse.from(groups.findAll(pageable), GroupResponse::from);
    }

    @Transactional(readOnly = true)
    public GroupResponse get(String name) {
        return GroupResponse.from(load(name));
    }

    /** Whether a group with this name is defined. */
    @Transactional(readOnly = true)
    public boolean exists(String name) {
        return groups.existsById(name);
    }

    /** The names among {@code names} that are not defined groups, in the given order. */
    @Transactional(readOnly = true)
    public List<String> undefined(Collection<String> names) {
        return names.stream().filter(n -> !groups.existsById(n)).distinct().toList();
    }

    /** Defines a group; 409 when the name is taken, 400 for an invalid subnet. */
    @Transactional
    public GroupResponse create(CreateGroupRequest request) {
        if (groups.existsById(request.name())) {
            throw new ConflictException(
                    "group-exists", "Group already exists", "A group named '" + request.name() + "' already exists");
        }
        Instant now = now();
        HostGroup group = new HostGroup(request.name(), now);
        group.define(request.description(), canonicalSubnets(request.subnets()), orEmpty(request.hostIds()), now);
        return GroupResponse.from(groups.save(group));
    }

    /** Replaces a group's definition. */
    @Transactional
    public GroupResponse update(String name, UpdateGroupRequest request) {
        HostGroup group = load(name);
        group.define(request.description(), canonicalSubnets(request.subnets()), orEmpty(request.hostIds()), now());
        return GroupResponse.from(group);
    }

    /** Deletes a group and its assignments; 409 while something (a subscription) still names it. */
    @Transactional
    public void delete(String name) {
        HostGroup group = load(name);
        List<String> users = new ArrayList<>();
        references.forEach(r -> users.addAll(r.referencesTo(name)));
        if (!users.isEmpty()) {
            throw new ConflictException(
                    "group-in-use",
                    "Group in use",
                    "Group '" + name + "' is still used by " + String.join(", ", users)
                            + "; change or delete those first");
        }
        groups.delete(group);
    }

    /** The group's effective members: hosts announcing it ∪ assigned to it ∪ with an address in its subnets. */
    @Transactional(readOnly = true)
    public List<HostResponse> members(String name) {
        load(name);
        return hosts.hostsInGroup(name);
    }

    private HostGroup load(String name) {
        return groups.findById(name).orElseThrow(() -> NotFoundException.of("group", name));
    }

    private static Set<String> canonicalSubnets(@Nullable Collection<String> subnets) {
        Set<String> result = new LinkedHashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String subnet : orEmpty(subnets)) {
            try {
                result.add(Cidr.parse(subnet).toString());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("subnets", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(
                    "invalid-subnet", "Invalid subnet", problems.get(0).message(), problems);
        }
        return result;
    }

    private static Collection<String> orEmpty(@Nullable Collection<String> values) {
        return values == null ? new TreeSet<>() : values;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
