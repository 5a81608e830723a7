package io.zeekagent.hub.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/** A stored API key: its public id, name and role, and the SHA-256 of the key. The key itself is never stored. */
@Entity
@Table(name = "api_key")
class ApiKey implements Persistable<String> {

    @Id
    @Column(name = "key_id", length = 32)
    private String keyId;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Transient
    private boolean isNew;

    ApiKey(String keyId, String name, Role role, String secretHash, Instant createdAt) {
        this.keyId = keyId;
        this.name = name;
        this.role = role;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
        this.isNew = true;
    }

    protected ApiKey() {
        // for JPA
    }

    @Override
    public String getId() {
        return keyId;
    }

    /** Keys have assigned ids; this makes {@code save} insert (and fail on a clash) instead of merging. */
    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        isNew = false;
    }

    String keyId() {
        return keyId;
    }

    String name() {
        return name;
    }

    Role role() {
        return role;
    }

    String secretHash() {
        return secretHash;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable
    Instant lastUsedAt() {
        return lastUsedAt;
    }
}
