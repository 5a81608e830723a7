package io.zeekagent.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeekagent.hub.support.PostgresTestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code hub.ingest.remote-address-index}: unset drops the index on H2 and keeps it on PostgreSQL; {@code true} and
 * {@code false} create or drop it on either; applying twice changes nothing; the stored rows are untouched.
 */
class RemoteAddressIndexTests {

    private static final String TABLE =
            "CREATE TABLE socket_events (id BIGINT PRIMARY KEY, remote_address VARCHAR(64))";
    private static final String INDEX =
            "CREATE INDEX socket_events_remote_address_idx ON socket_events (remote_address, id)";

    private static JdbcTemplate database(String url) {
        return new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "", true));
    }

    private static void prepare(JdbcTemplate jdbc) {
        jdbc.execute(TABLE);
        jdbc.execute(INDEX);
        jdbc.update("INSERT INTO socket_events VALUES (1, '203.0.113.7'), (2, '2001:db8::1')");
    }

    private static boolean apply(JdbcTemplate jdbc, Boolean setting) {
        RemoteAddressIndex index = new RemoteAddressIndex(jdbc, setting);
        index.afterPropertiesSet();
        return index.present();
    }

    @Test
    void h2DropsItUnlessAskedToKeepIt() {
        JdbcTemplate jdbc = database("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        prepare(jdbc);
        assertThat(apply(jdbc, null)).isFalse();
        assertThat(apply(jdbc, null)).isFalse();
        assertThat(apply(jdbc, true)).isTrue();
        assertThat(apply(jdbc, true)).isTrue();
        assertThat(apply(jdbc, false)).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM socket_events", Integer.class))
                .isEqualTo(2);
    }

    @Nested
    @ExtendWith(PostgresTestDatabase.class)
    class OnPostgres {

        @Test
        void postgresKeepsItUnlessAskedToDropIt() {
            String schema = PostgresTestDatabase.createSchema();
            JdbcTemplate jdbc = database("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
            prepare(jdbc);
            assertThat(apply(jdbc, null)).isTrue();
            assertThat(apply(jdbc, false)).isFalse();
            assertThat(apply(jdbc, null)).isTrue();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM socket_events", Integer.class))
                    .isEqualTo(2);
        }
    }
}
