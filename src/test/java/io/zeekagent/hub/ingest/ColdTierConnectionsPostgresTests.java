package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zeekagent.hub.support.PostgresTest;
import io.zeekagent.hub.support.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tests for {@link ColdTierConnections} on the real PostgreSQL. */
@PostgresTest
class ColdTierConnectionsPostgresTests {

    @Test
    void opensSessionsWithTheProbeSettingsAndWaitsForAConnectionNoLongerThanAProbeMayRun() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://" + PostgresTestDatabase.HOST + ":" + PostgresTestDatabase.PORT + "/"
                + PostgresTestDatabase.DATABASE);
        config.setUsername(PostgresTestDatabase.USER);
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(30_000);
        try (HikariDataSource main = new HikariDataSource(config);
                ColdTierConnections cold = new ColdTierConnections(main, 1, Duration.ofMillis(700))) {
            try (Connection c = cold.get();
                    Statement s = c.createStatement()) {
                assertThat(show(s, "statement_timeout")).isEqualTo("700ms");
                assertThat(show(s, "plan_cache_mode")).isEqualTo("force_generic_plan");
            }
            assertThat(cold.dedicated()).isTrue();
            assertThat(cold.connectionTimeoutMillis()).isEqualTo(700);
            assertThat(main.getConnectionTimeout()).isEqualTo(30_000);
        }
    }

    private static String show(Statement s, String setting) throws Exception {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
