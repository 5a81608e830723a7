package io.zeekagent.hub.osquery;

import java.time.Instant;
import java.util.Set;

/**
 * An enroll secret as stored: its SHA-256, never the secret.
 *
 * @param id the secret's id
 * @param name a label for people
 * @param secretHash hex SHA-256 of the secret
 * @param groups groups the hosts enrolling with it join (announced groups)
 * @param createdAt when it was created
 */
record EnrollSecret(String id, String name, String secretHash, Set<String> groups, Instant createdAt) {

    EnrollSecret {
        groups = Set.copyOf(groups);
    }
}
