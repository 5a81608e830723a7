package io.zeekagent.hub.security;

import io.zeekagent.hub.system.ConflictException;
import io.zeekagent.hub.system.NotFoundException;
import io.zeekagent.hub.system.PageResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, revokes and checks stored API keys. Every check reads the key's row, so a revoked key is refused
 * by the very next request; {@code lastUsedAt} is written at most once per key per resolution period.
 */
@Service
class ApiKeyService {

    private final ApiKeyRepository repository;
    private final HubSecurityProperties properties;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository repository, HubSecurityProperties properties) {
        this.repository = repository;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Creates a key; the result holds the key, which is not kept anywhere. */
    @Transactional
    CreatedApiKeyResponse create(String name, Role role) {
        String trimmed = name.strip();
        if (repository.existsByName(trimmed)) {
            throw new ConflictException(
                    "api-key-name-taken", "API key name taken", "An API key named '" + trimmed + "' already exists");
        }
        String key = ApiKeySecrets.generate();
        String keyId = ApiKeySecrets.keyIdOf(key).orElseThrow();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ApiKey stored = repository.save(new ApiKey(keyId, trimmed, role, ApiKeySecrets.hashHex(key), now));
        return CreatedApiKeyResponse.from(stored, key);
    }

    @Transactional(readOnly = true)
    PageResponse<ApiKeyResponse> list(Pageable pageable) {
        return PageResponse.from(repository.findAll(pageable), ApiKeyResponse::from);
    }

    @Transactional(readOnly = true)
    ApiKeyResponse get(String keyId) {
        return repository.findById(keyId).map(ApiKeyResponse::from).orElseThrow(() -> notFound(keyId));
    }

    /**
     * Deletes a key; requests with it fail from now on. The last admin key cannot be revoked unless an admin key is
     * configured, since nobody could create keys any more.
     */
    @Transactional
    void revoke(String keyId) {
        ApiKey key = repository.findById(keyId).orElseThrow(() -> notFound(keyId));
        if (key.role() == Role.ADMIN && properties.adminKey() == null && repository.countByRole(Role.ADMIN) <= 1) {
            throw new ConflictException(
                    "last-admin-key",
                    "Last admin key",
                    "'" + key.name() + "' is the only admin key; create another admin key before revoking it");
        }
        repository.delete(key);
    }

    /** The owner of {@code presented} if it is a stored key, recording its use. */
    @Transactional
    Optional<ApiKeyPrincipal> authenticate(String presented) {
        Optional<String> keyId = ApiKeySecrets.keyIdOf(presented);
        if (keyId.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKey> stored = repository.findById(keyId.get());
        byte[] presentedHash = ApiKeySecrets.sha256(presented);
        if (stored.isEmpty()
                || !ApiKeySecrets.matches(presentedHash, stored.get().secretHash())) {
            return Optional.empty();
        }
        ApiKey key = stored.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (lastUsedIsStale(key.lastUsedAt(), now)) {
            repository.touch(key.keyId(), now, now.minus(properties.lastUsedResolution()));
        }
        return Optional.of(new ApiKeyPrincipal(key.name(), key.keyId(), key.role()));
    }

    /** Whether any admin key is stored. */
    @Transactional(readOnly = true)
    boolean hasStoredAdminKey() {
        return repository.countByRole(Role.ADMIN) > 0;
    }

    boolean lastUsedIsStale(@Nullable Instant lastUsed, Instant now) {
        return lastUsed == null || lastUsed.isBefore(now.minus(properties.lastUsedResolution()));
    }

    private static NotFoundException notFound(String keyId) {
        return new NotFoundException("api-key-not-found", "API key not found", "No API key with id '" + keyId + "'");
    }
}
