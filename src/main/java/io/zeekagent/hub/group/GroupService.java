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
        HostGroup group = editable(name);
        group.define(request.description(), canonicalSubnets(request.subnets()), orEmpty(request.hostIds()), now());
        return GroupResponse.from(group);
    }

    /** Deletes a group and its assignments; 409 while something (a subscription) still names it. */
    @Transactional
    public void delete(String name) {
        HostGroup group = editable(name);
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

    /**
     * Makes sure the group exists for {@code owner}'s subscriptions (a Zeek's {@code ZeekAgent::subscribe} naming a
     * group it never joined): an existing group is used as it is, a missing one is created empty and owned.
     */
    @Transactional
    public void ensureExists(String name, String owner) {
        if (!groups.existsById(name)) {
            HostGroup group = new HostGroup(name, now());
            group.setOwner(owner);
            groups.save(group);
        }
    }

    /**
     * Adds ({@code join}) or removes subnets of an owned group on behalf of {@code owner} (a Zeek's
     * {@code ZeekAgent::join} / {@code leave}). Joining creates the group; leaving its last subnet deletes it when
     * nothing references it.
     *
     * @throws ConflictException when the group exists and was made by someone else
     * @throws InvalidRequestException for an invalid subnet
     */
    @Transactional
    public void changeOwnedSubnets(String name, String owner, Collection<String> subnets, boolean join) {
        Set<String> canonical = canonicalSubnets(subnets);
        HostGroup group = groups.findById(name).orElse(null);
        if (group == null) {
            if (!join) {
                return;
            }
            group = new HostGroup(name, now());
            group.setOwner(owner);
            group = groups.save(group);
        } else if (!owner.equals(group.getOwner())) {
            throw new ConflictException(
                    "group-owned", "Group has another owner", "Group '" + name + "' was not made by " + owner);
        }
        group.changeSubnets(canonical, join, now());
        if (!join
                && group.isEmpty()
                && references.stream().allMatch(r -> r.referencesTo(name).isEmpty())) {
            groups.delete(group);
        }
    }

    /** A group REST may change: 409 for one a Zeek made (its script would only make it again). */
    private HostGroup editable(String name) {
        HostGroup group = load(name);
        String owner = group.getOwner();
        if (owner != null) {
            throw new ConflictException(
                    "group-owned",
                    "Group owned by a Zeek",
                    "Group '" + name + "' belongs to " + owner
                            + " (made by its zeek-agent-hub/compat script); change it in that script");
        }
        return group;
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
