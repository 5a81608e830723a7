package io.zeekagent.hub.host;

import io.zeekagent.hub.support.PostgresTest;
import io.zeekagent.hub.support.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tests for {@link HostService#onlineHosts()} on the real PostgreSQL. */
@PostgresTest
class HostBulkReadPostgresTests extends HostBulkReadTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
