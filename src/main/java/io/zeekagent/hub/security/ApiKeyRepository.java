package io.zeekagent.hub.security;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Stored API keys, found by their public key id. */
interface ApiKeyRepository extends JpaRepository<ApiKey, String> {

    boolean existsByName(String name);

    long countByRole(Role role);

    /**
     * Sets {@code lastUsedAt} only if the stored value is older than {@code staleBefore}: concurrent requests of one
     * key then cost at most one write per resolution period.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ApiKey k set k.lastUsedAt = :at where k.keyId = :keyId"
            + " and (k.lastUsedAt is null or k.lastUsedAt < :staleBefore)")
    int touch(@Param("keyId") String keyId, @Param("at") Instant at, @Param("staleBefore") Instant staleBefore);
}
