package io.zeekagent.hub.group;

import io.zeekagent.hub.support.PostgresTest;
import io.zeekagent.hub.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tests for {@link HostGroupRepository} and the V1 migration on the real PostgreSQL. */
@PostgresTest
class HostGroupRepositoryPostgresTests extends HostGroupRepositoryTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
