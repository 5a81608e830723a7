package io.zeekagent.hub.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether {@code socket_events} keeps {@code socket_events_remote_address_idx} (Flyway V12), per {@code
 * hub.ingest.remote-address-index}; unset = kept on PostgreSQL, dropped on H2. Applied at start, after the migrations.
 *
 * <p>The index serves the investigation reads by remote address ({@code GET /api/v1/contacts}, {@code GET
 * /api/v1/socket-events?remoteAddress=}), and every stored event pays one B-tree insert for it at a random place. On
 * H2, whose every commit writes each page the batch touched ({@code WRITE_DELAY=0}), that insert is the largest cost
 * of ingestion: a plain JDBC batch insert into the table stores 2.4 times as many rows a second without it (91,936
 * against 38,598, BENCHMARKS.md "Fourth session"), while over 1,000,000 stored events a sweep by address then scans the
 * table (about 2 s instead of 58 ms). The embedded default is for ingesting at full speed on one machine; a hub used
 * for sweeps keeps the index with {@code true}, or runs on PostgreSQL, where it stays by default.
 */
@Component
class RemoteAddressIndex implements InitializingBean {

    static final String NAME = "socket_events_remote_address_idx";
    private static final Logger log = LoggerFactory.getLogger(RemoteAddressIndex.class);

    private final JdbcTemplate jdbc;
    private final @Nullable Boolean setting;

    RemoteAddressIndex(
            JdbcTemplate jdbc, @Value("${hub.ingest.remote-address-index:#{null}}") @Nullable Boolean setting) {
        this.jdbc = jdbc;
        this.setting = setting;
    }

    @Override
    public void afterPropertiesSet() {
        boolean postgres = isPostgres(jdbc.getDataSource());
        boolean wanted = setting != null ? setting : postgres;
        boolean present = present(postgres);
        if (wanted && !present) {
            log.info(
                    "Creating {} (hub.ingest.remote-address-index=true): one pass over the stored socket events", NAME);
            jdbc.execute("CREATE INDEX IF NOT EXISTS " + NAME + " ON socket_events (remote_address, id)");
        } else if (!wanted && present) {
            log.info(
                    "Dropping {} (hub.ingest.remote-address-index={}): sweeps by remote address scan the table",
                    NAME,
                    setting == null ? "unset, off on H2" : "false");
            jdbc.execute("DROP INDEX IF EXISTS " + NAME);
        }
    }

    /** Whether the index exists in the current schema. */
    boolean present() {
        return present(isPostgres(jdbc.getDataSource()));
    }

    private boolean present(boolean postgres) {
        Integer n = postgres
                ? jdbc.queryForObject(
                        "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?",
                        Integer.class,
                        NAME)
                : jdbc.queryForObject(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = SCHEMA()"
                                + " AND INDEX_NAME = ?",
                        Integer.class,
                        NAME.toUpperCase(Locale.ROOT));
        return n != null && n > 0;
    }

    private static boolean isPostgres(@Nullable DataSource dataSource) {
        if (dataSource == null) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell the database product: " + e.getMessage(), e);
        }
    }
}
