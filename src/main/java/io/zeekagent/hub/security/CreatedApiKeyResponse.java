package io.zeekagent.hub.security;

import java.time.Instant;

/**
 * A newly created API key, the only response that ever contains the key.
 *
 * @param id the key's public id, used to revoke it
 * @param name the key's name
 * @param role the key's role
 * @param createdAt when the key was created
 * @param key the key itself: send it as {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}; it cannot
 *     be shown again
 */
record CreatedApiKeyResponse(String id, String name, Role role, Instant createdAt, String key) {

    static CreatedApiKeyResponse from(ApiKey stored, String key) {
        return new CreatedApiKeyResponse(stored.keyId(), stored.name(), stored.role(), stored.createdAt(), key);
    }
}
