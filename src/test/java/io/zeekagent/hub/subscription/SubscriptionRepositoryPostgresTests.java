package io.zeekagent.hub.subscription;

import io.zeekagent.hub.support.PostgresTest;
import io.zeekagent.hub.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tests for {@link SubscriptionRepository} and the V1 migration on the real PostgreSQL. */
@PostgresTest
class SubscriptionRepositoryPostgresTests extends SubscriptionRepositoryTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
