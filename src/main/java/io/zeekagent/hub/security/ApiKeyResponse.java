package io.zeekagent.hub.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored API key as listed: never the key nor its hash.
 *
 * @param id the key's public id, used to revoke it
 * @param prefix how the key starts ({@code zah_} + id), to tell which key one holds
 * @param name the key's name
 * @param role the key's role
 * @param createdAt when the key was created
 * @param lastUsedAt when the key was last accepted (updated at most once per {@code hub.security.last-used-resolution})
 */
record ApiKeyResponse(
        String id,
        String prefix,
        String name,
        Role role,
        Instant createdAt,
        @Nullable Instant lastUsedAt) {

    static ApiKeyResponse from(ApiKey key) {
        return new ApiKeyResponse(
                key.keyId(),
                ApiKeySecrets.PREFIX + key.keyId(),
                key.name(),
                key.role(),
                key.createdAt(),
                key.lastUsedAt());
    }
}
