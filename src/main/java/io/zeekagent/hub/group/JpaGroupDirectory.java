package io.zeekagent.hub.group;

import io.zeekagent.hub.host.GroupDirectory;
import io.zeekagent.hub.host.GroupRule;
import io.zeekagent.hub.system.FieldProblem;
import io.zeekagent.hub.system.InvalidRequestException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Serves the stored groups to the host feature, which computes membership from them. */
@Component
class JpaGroupDirectory implements GroupDirectory {

    private final HostGroupRepository groups;
    private final Clock clock;

    JpaGroupDirectory(HostGroupRepository groups, Clock clock) {
        this.groups = groups;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<GroupRule> rules() {
        return groups.findAll().stream().map(HostGroup::toRule).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<GroupRule> rule(String group) {
        return groups.findById(group).map(HostGroup::toRule);
    }

    @Override
    @Transactional
    public void assign(String hostId, Set<String> wanted) {
        List<String> undefined =
                wanted.stream().filter(g -> !groups.existsById(g)).sorted().toList();
        if (!undefined.isEmpty()) {
            String message = "not defined: " + String.join(", ", undefined);
            throw new InvalidRequestException(
                    "unknown-group",
                    "Unknown group",
                    "groups: " + message + " (define them under /api/v1/groups first)",
                    List.of(new FieldProblem("groups", message)));
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (HostGroup group : groups.findByExplicitMember(hostId)) {
            if (!wanted.contains(group.getName())) {
                group.assign(hostId, false, now);
            }
        }
        for (String name : wanted) {
            groups.findById(name).ifPresent(group -> group.assign(hostId, true, now));
        }
    }
}
