package io.zeekagent.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link ApiKeySecrets}. */
class ApiKeySecretsTests {

    @Test
    void generatedKeysHaveThePrefixAUrlSafeBodyAndAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKeySecrets.generate();
            assertThat(key).startsWith("zah_").hasSize(ApiKeySecrets.KEY_LENGTH).matches("zah_[A-Za-z0-9_-]+");
            assertThat(ApiKeySecrets.keyIdOf(key)).hasValue(key.substring(4, 16));
            assertThat(seen.add(key)).isTrue();
        }
    }

    @Test
    void foreignOrMalformedKeysHaveNoKeyId() {
        assertThat(ApiKeySecrets.keyIdOf("Bearer something")).isEmpty();
        assertThat(ApiKeySecrets.keyIdOf("zah_short")).isEmpty();
        assertThat(ApiKeySecrets.keyIdOf("zah_" + "a".repeat(54) + "/")).isEmpty();
    }

    @Test
    void hashMatchesOnlyTheSameKey() {
        String key = ApiKeySecrets.generate();
        String stored = ApiKeySecrets.hashHex(key);
        assertThat(stored).hasSize(64).doesNotContain(key.substring(16));
        assertThat(ApiKeySecrets.matches(ApiKeySecrets.sha256(key), stored)).isTrue();
        assertThat(ApiKeySecrets.matches(ApiKeySecrets.sha256(key + "x"), stored))
                .isFalse();
        assertThat(ApiKeySecrets.matches(ApiKeySecrets.sha256(key), "not hex")).isFalse();
    }

    @Test
    void rolesAreCumulative() {
        assertThat(Role.ADMIN.authorities()).hasSize(3);
        assertThat(Role.READER.authorities()).extracting(Object::toString).containsExactly("ROLE_READER");
        assertThat(Role.of(" Operator ")).isEqualTo(Role.OPERATOR);
    }
}
