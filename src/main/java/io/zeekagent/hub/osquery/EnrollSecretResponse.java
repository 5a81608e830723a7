package io.zeekagent.hub.osquery;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * An osquery enroll secret as the API shows it; the secret itself only in the answer to its creation.
 *
 * @param id the secret's id
 * @param name a label for people
 * @param groups groups the hosts enrolling with it join
 * @param createdAt when it was created
 * @param secret the secret, only when just created
 */
@Schema(description = "An osquery enroll secret")
record EnrollSecretResponse(
        @Schema(example = "7d1f0c52-3a7e-4a55-8f0c-2b1e9d4c6a10")
        String id,

        @Schema(example = "linux servers") String name,
        @Schema(example = "[\"linux\"]") Set<String> groups,
        @Schema(example = "2026-01-01T12:00:00Z") Instant createdAt,

        @Schema(example = "q0Vx4s1pV4m2b9f1gO7r6w8Zy3kT5nA2cE0dH8jL1uM", nullable = true) @Nullable
        String secret) {

    static EnrollSecretResponse from(EnrollSecret s, @Nullable String secret) {
        return new EnrollSecretResponse(s.id(), s.name(), new TreeSet<>(s.groups()), s.createdAt(), secret);
    }
}
