package io.zeekagent.hub.host;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A host known to the hub: announced by its agent, pre-registered over REST, or both. Updates write only the columns
 * that changed: with replicas, a {@code lastSeen} refresh committed just after the leader marked the host OFFLINE (a
 * bulk update that leaves the version alone) must not write ONLINE back over it, or a host whose owner was released
 * would look ONLINE and never be claimed again.
 */
@Entity
@DynamicUpdate
@Table(name = "hosts")
class Host {

    @Id
    @Column(name = "host_id")
    private String hostId;

    private @Nullable String hostname;

    @Column(name = "peer_name")
    private @Nullable String peerName;

    @Column(name = "agent_version")
    private @Nullable String agentVersion;

    private @Nullable String edition;

    private @Nullable String transport;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private HostStatus status;

    @Column(name = "first_seen")
    private @Nullable Instant firstSeen;

    @Column(name = "last_seen")
    private @Nullable Instant lastSeen;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    @ElementCollection
    @CollectionTable(name = "host_announced_addresses", joinColumns = @JoinColumn(name = "host_id"))
    @Column(name = "address")
    private Set<String> announcedAddresses = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "host_assigned_addresses", joinColumns = @JoinColumn(name = "host_id"))
    @Column(name = "address")
    private Set<String> assignedAddresses = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "host_announced_groups", joinColumns = @JoinColumn(name = "host_id"))
    @Column(name = "group_name")
    private Set<String> announcedGroups = new HashSet<>();

    @SuppressWarnings("NullAway.Init")
    protected Host() {}

    Host(String hostId, HostStatus status, Instant now) {
        this.hostId = hostId;
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
    }

    String getHostId() {
        return hostId;
    }

    @Nullable
    String getHostname() {
        return hostname;
    }

    void setHostname(@Nullable String hostname) {
        this.hostname = hostname;
    }

    @Nullable
    String getPeerName() {
        return peerName;
    }

    void setPeerName(@Nullable String peerName) {
        this.peerName = peerName;
    }

    @Nullable
    String getAgentVersion() {
        return agentVersion;
    }

    void setAgentVersion(@Nullable String agentVersion) {
        this.agentVersion = agentVersion;
    }

    @Nullable
    String getEdition() {
        return edition;
    }

    void setEdition(@Nullable String edition) {
        this.edition = edition;
    }

    @Nullable
    String getTransport() {
        return transport;
    }

    void setTransport(@Nullable String transport) {
        this.transport = transport;
    }

    HostStatus getStatus() {
        return status;
    }

    void setStatus(HostStatus status) {
        this.status = status;
    }

    @Nullable
    Instant getFirstSeen() {
        return firstSeen;
    }

    @Nullable
    Instant getLastSeen() {
        return lastSeen;
    }

    /** Records that the agent was heard from at {@code now}; the first time also sets {@code firstSeen}. */
    void seen(Instant now) {
        if (firstSeen == null) {
            firstSeen = now;
        }
        lastSeen = now;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    Set<String> getAnnouncedAddresses() {
        return new TreeSet<>(announcedAddresses);
    }

    /** Replaces the announced addresses; returns whether they changed. */
    boolean replaceAnnouncedAddresses(Collection<String> addresses) {
        return replace(announcedAddresses, addresses);
    }

    Set<String> getAssignedAddresses() {
        return new TreeSet<>(assignedAddresses);
    }

    /** Replaces the addresses assigned over REST; returns whether they changed. */
    boolean replaceAssignedAddresses(Collection<String> addresses) {
        return replace(assignedAddresses, addresses);
    }

    /** Every address the host is known by: announced ∪ assigned. */
    Set<String> getAddresses() {
        Set<String> all = new TreeSet<>(announcedAddresses);
        all.addAll(assignedAddresses);
        return all;
    }

    Set<String> getAnnouncedGroups() {
        return new TreeSet<>(announcedGroups);
    }

    /** Replaces the groups the agent announced; returns whether they changed. */
    boolean replaceAnnouncedGroups(Collection<String> groups) {
        return replace(announcedGroups, groups);
    }

    HostAddresses toAddresses() {
        return new HostAddresses(hostId, hostname, getAddresses());
    }

    private static boolean replace(Set<String> target, Collection<String> values) {
        Set<String> next = new HashSet<>(values);
        if (target.equals(next)) {
            return false;
        }
        target.clear();
        target.addAll(next);
        return true;
    }
}
