package io.zeekagent.hub.osquery;

import io.zeekagent.hub.system.ConflictException;
import io.zeekagent.hub.system.NotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Enroll secrets: created over REST (admin), kept as SHA-256, matched in constant time against every stored hash
 * (no early exit that would tell a guesser how close they came). The list is cached; secrets are few.
 */
@Service
class EnrollSecretService {

    private final EnrollSecretStore store;
    private volatile @Nullable List<EnrollSecret> cached;

    EnrollSecretService(EnrollSecretStore store) {
        this.store = store;
    }

    EnrollSecretResponse create(CreateEnrollSecretRequest request) {
        String secret = request.secret() == null ? Secrets.newKey() : request.secret();
        String hash = Secrets.sha256(secret);
        if (secrets().stream().anyMatch(s -> s.secretHash().equals(hash))) {
            throw new ConflictException("enroll-secret-exists", "Enroll secret exists", "That secret is in use");
        }
        EnrollSecret s = new EnrollSecret(
                UUID.randomUUID().toString(),
                request.name(),
                hash,
                request.groups() == null ? Set.of() : request.groups(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        store.insert(s);
        cached = null;
        return EnrollSecretResponse.from(s, secret);
    }

    List<EnrollSecretResponse> list() {
        return secrets().stream().map(s -> EnrollSecretResponse.from(s, null)).toList();
    }

    void delete(String id) {
        if (!store.delete(id)) {
            throw NotFoundException.of("enroll secret", id);
        }
        cached = null;
    }

    /** The secret osquery presented (trimmed, as osquery trims its file), compared with every stored hash. */
    Optional<EnrollSecret> match(@Nullable String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        String trimmed = presented.strip();
        EnrollSecret found = null;
        for (EnrollSecret s : secrets()) {
            if (Secrets.matches(trimmed, s.secretHash()) && found == null) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    private List<EnrollSecret> secrets() {
        List<EnrollSecret> list = cached;
        if (list == null) {
            list = store.all();
            cached = list;
        }
        return list;
    }
}
