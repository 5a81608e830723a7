package io.zeekagent.hub.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL on 127.0.0.1:5432 (user {@code postgres}, database {@code test}, trust auth) for tests tagged
 * {@code postgres}. Each registration gets its own fresh schema, dropped when the JVM exits, so engineers running
 * tests at the same time never see each other's tables. Tests using it are skipped, with a message, when the server
 * does not answer.
 *
 * <p>Use with {@code @ExtendWith(PostgresTestDatabase.class)} and call {@link #register} from a
 * {@code @DynamicPropertySource} method.
 */
public final class PostgresTestDatabase implements ExecutionCondition {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    public static final String DATABASE = "test";
    public static final String USER = "postgres";

    private static final String BASE_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE;
    private static volatile Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return isAvailable()
                ? ConditionEvaluationResult.enabled("PostgreSQL answers on " + HOST + ":" + PORT)
                : ConditionEvaluationResult.disabled("PostgreSQL does not answer on " + HOST + ":" + PORT
                        + " (database '" + DATABASE + "', user '" + USER + "'); PostgreSQL-backed tests skipped");
    }

    /** Whether the server accepts a connection to the test database. */
    public static boolean isAvailable() {
        Boolean known = available;
        if (known == null) {
            known = probe();
            available = known;
        }
        return known;
    }

    /** Creates a fresh schema and points the datasource at it. */
    public static void register(DynamicPropertyRegistry registry) {
        String schema = createSchema();
        registry.add("spring.datasource.url", () -> BASE_URL + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> schema);
    }

    /** Creates a schema named {@code t_<random>}; it is dropped when the JVM exits. */
    public static String createSchema() {
        String schema = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("create schema " + schema);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(schema), "drop-" + schema));
        return schema;
    }

    public static void dropSchema(String schema) {
        try {
            execute("drop schema if exists " + schema + " cascade");
        } catch (IllegalStateException e) {
            // The server may be gone at JVM exit; the schema is then dropped with the cluster.
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(BASE_URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean probe() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 500);
        } catch (IOException e) {
            return false;
        }
        try (Connection connection = DriverManager.getConnection(BASE_URL, USER, "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
