package io.zeekagent.hub.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tests for {@link IdempotencyStore}. */
class IdempotencyStoreTests {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final byte[] HASH = {1, 2, 3};

    @Test
    void firstClaimRegistersTheKeyAndASecondSeesItInFlightThenComplete() {
        IdempotencyStore store = new IdempotencyStore(Duration.ofHours(24), 10);

        assertThat(store.claim("k", HASH, T0)).isNull();
        assertThat(store.claim("k", HASH, T0).complete()).isFalse();
        store.complete("k", 201, "application/json", "/x/1", new byte[] {'{', '}'});
        IdempotencyStore.Entry entry = store.claim("k", HASH, T0.plusSeconds(60));
        assertThat(entry.complete()).isTrue();
        assertThat(entry.status()).isEqualTo(201);
        assertThat(entry.sameBody(new byte[] {9})).isFalse();
    }

    @Test
    void keysExpireAfterTheTtlAndTheOldestAreForgottenBeyondTheBound() {
        IdempotencyStore store = new IdempotencyStore(Duration.ofHours(24), 2);
        store.claim("a", HASH, T0);
        store.claim("b", HASH, T0);
        store.claim("c", HASH, T0);

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.claim("a", HASH, T0)).as("evicted, so claimed anew").isNull();
        assertThat(store.claim("c", HASH, T0.plus(Duration.ofHours(25))))
                .as("expired")
                .isNull();
    }
}
