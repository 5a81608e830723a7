package io.zeekagent.hub.group;

import io.zeekagent.hub.host.GroupRule;
import io.zeekagent.hub.net.Cidr;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** A group defined over REST; its name is also the agents' group topic suffix. */
@Entity
@Table(name = "agent_groups")
class HostGroup {

    @Id
    private String name;

    private @Nullable String description;

    @ElementCollection
    @CollectionTable(name = "agent_group_subnets", joinColumns = @JoinColumn(name = "group_name"))
    @Column(name = "subnet")
    private Set<String> subnets = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "agent_group_hosts", joinColumns = @JoinColumn(name = "group_name"))
    @Column(name = "host_id")
    private Set<String> hostIds = new HashSet<>();

    private @Nullable String owner;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    @SuppressWarnings("NullAway.Init")
    protected HostGroup() {}

    HostGroup(String name, Instant now) {
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Who made it when not made over REST (a Zeek, {@code zeek:<name>}); such groups are read-only there. */
    @Nullable
    String getOwner() {
        return owner;
    }

    void setOwner(@Nullable String owner) {
        this.owner = owner;
    }

    /** Adds or removes subnets (canonical CIDR text); returns whether that changed anything. */
    boolean changeSubnets(Collection<String> changed, boolean add, Instant now) {
        boolean any = add ? subnets.addAll(changed) : subnets.removeAll(changed);
        if (any) {
            updatedAt = now;
        }
        return any;
    }

    boolean isEmpty() {
        return subnets.isEmpty() && hostIds.isEmpty();
    }

    String getName() {
        return name;
    }

    @Nullable
    String getDescription() {
        return description;
    }

    Set<String> getSubnets() {
        return new TreeSet<>(subnets);
    }

    Set<String> getHostIds() {
        return new TreeSet<>(hostIds);
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Replaces description, subnets (canonical CIDR text) and explicit members. */
    void define(@Nullable String description, Collection<String> subnets, Collection<String> hostIds, Instant now) {
        this.description = description;
        this.subnets.clear();
        this.subnets.addAll(subnets);
        this.hostIds.clear();
        this.hostIds.addAll(hostIds);
        this.updatedAt = now;
    }

    /** Adds or removes one explicit member; returns whether that changed anything. */
    boolean assign(String hostId, boolean member, Instant now) {
        boolean changed = member ? hostIds.add(hostId) : hostIds.remove(hostId);
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    GroupRule toRule() {
        return new GroupRule(name, hostIds, subnets.stream().map(Cidr::parse).toList());
    }
}
