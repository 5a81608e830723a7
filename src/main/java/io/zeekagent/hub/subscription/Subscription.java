package io.zeekagent.hub.subscription;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A scheduled query and its targets. The id is the wire {@code cookie}; the revision (the optimistic-lock version)
 * grows with every change, so dispatch can tell what an agent was sent is stale.
 */
@Entity
@Table(name = "subscriptions")
class Subscription {

    @Id
    private String id;

    private String name;

    private String query;

    private String event;

    @ElementCollection
    @CollectionTable(name = "subscription_columns", joinColumns = @JoinColumn(name = "subscription_id"))
    @OrderColumn(name = "column_index")
    @Column(name = "column_name")
    private List<String> columns = new ArrayList<>();

    @Column(name = "interval_seconds")
    private int intervalSeconds;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "update_type")
    private UpdateType updateType;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private SubscriptionKind kind;

    @ElementCollection
    @CollectionTable(name = "subscription_hosts", joinColumns = @JoinColumn(name = "subscription_id"))
    @Column(name = "host_id")
    private Set<String> hosts = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "subscription_groups", joinColumns = @JoinColumn(name = "subscription_id"))
    @Column(name = "group_name")
    private Set<String> groups = new HashSet<>();

    private boolean enabled;

    private @Nullable String owner;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private @Nullable Long revision;

    @SuppressWarnings("NullAway.Init")
    protected Subscription() {}

    Subscription(String id, SubscriptionDefinition definition, Instant now) {
        this(id, definition, null, now);
    }

    Subscription(String id, SubscriptionDefinition definition, @Nullable String owner, Instant now) {
        this.id = id;
        this.owner = owner;
        this.createdAt = now;
        apply(definition, now);
    }

    /** Applies a definition; returns false (and changes nothing) when it equals the stored one. */
    boolean redefine(SubscriptionDefinition definition, Instant now) {
        if (definition.equals(definition())) {
            return false;
        }
        apply(definition, now);
        return true;
    }

    private void apply(SubscriptionDefinition d, Instant now) {
        name = d.name();
        query = d.query();
        event = d.event();
        columns.clear();
        columns.addAll(d.columns());
        intervalSeconds = d.intervalSeconds();
        updateType = d.updateType();
        kind = d.kind();
        hosts.clear();
        hosts.addAll(d.hosts());
        groups.clear();
        groups.addAll(d.groups());
        enabled = d.enabled();
        updatedAt = now;
    }

    SubscriptionDefinition definition() {
        return new SubscriptionDefinition(
                name, query, event, columns, intervalSeconds, updateType, kind, hosts, groups, enabled);
    }

    String getId() {
        return id;
    }

    String getName() {
        return name;
    }

    /** Who made it when not made over REST (a Zeek, {@code zeek:<name>}); such subscriptions are read-only there. */
    @Nullable
    String getOwner() {
        return owner;
    }

    Set<String> getGroups() {
        return new TreeSet<>(groups);
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    /** 0 when created, one more with every change; the optimistic-lock version. */
    long getRevision() {
        return revision == null ? 0 : revision;
    }
}
