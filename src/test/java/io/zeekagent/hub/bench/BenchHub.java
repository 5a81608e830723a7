package io.zeekagent.hub.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.zeekagent.hub.ZeekAgentHubApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.servlet.function.RouterFunction;

/**
 * A whole hub started in this JVM for the end-to-end benchmarks: random HTTP and WebSocket ports, free ZeroMQ
 * ports, a configured admin key, and either a fresh H2 file database in a temporary directory or a private
 * PostgreSQL schema {@code bench_<random>} (dropped on close). Load reaches it only over real sockets; beans are
 * used for setup and for reading counters.
 */
public final class BenchHub implements AutoCloseable {

    /** The databases the storage-bound figures run on. */
    public enum Database {
        H2,
        POSTGRESQL
    }

    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final ConfigurableApplicationContext context;
    private final Database database;
    private final String adminKey;
    private final String xpub;
    private final String xsub;
    private final @Nullable Path directory;
    private final @Nullable String schema;

    private BenchHub(Database database, List<String> extra) {
        this.database = database;
        this.adminKey = "bench-" + UUID.randomUUID();
        this.xpub = "tcp://127.0.0.1:" + freePort();
        this.xsub = "tcp://127.0.0.1:" + freePort();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--hub.websocket.port=0",
                "--hub.zeromq.xpub-endpoint=" + xpub,
                "--hub.zeromq.xsub-endpoint=" + xsub,
                "--hub.security.admin-key=" + adminKey,
                "--hub.http.unlimited-paths=/api/v1/attributions/batch,/bench/echo",
                // Each benchmark creates exactly the subscriptions it measures.
                "--hub.subscription.default-socket-events=false",
                "--hub.websocket.default-socket-events=false",
                "--springdoc.api-docs.enabled=false",
                "--springdoc.swagger-ui.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.io.zeekagent=WARN"));
        try {
            if (database == Database.H2) {
                directory = Files.createTempDirectory("bench-hub-");
                schema = null;
                args.add("--spring.datasource.url=jdbc:h2:file:" + directory.resolve("hub")
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
            } else {
                directory = Files.createTempDirectory("bench-hub-");
                schema =
                        "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                execute("create schema " + schema);
                args.add("--spring.datasource.url=" + PG_URL + "?currentSchema=" + schema);
                args.add("--spring.datasource.username=postgres");
                args.add("--spring.datasource.password=");
                args.add("--spring.flyway.schemas=" + schema);
            }
            args.add("--hub.activity.file=" + directory.resolve("zeek-agent.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        args.addAll(extra);
        BenchReport.phase("starting a hub on " + database);
        this.context = application()
                .initializers(ctx -> ((GenericApplicationContext) ctx)
                        .registerBean("benchEndpoints", RouterFunction.class, BenchEndpoints::routes))
                .run(args.toArray(String[]::new));
        BenchReport.phase("hub started");
    }

    /**
     * The hub application as a benchmark starts it from the test classpath: component scanning skips the test
     * classes, whose fixtures ({@code @TestConfiguration}s, probe controllers) must not become beans. For the
     * benchmarks that start a hub with their own properties.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ZeekAgentHubApplication.class)
                .initializers(ctx -> ctx.getBeanFactory()
                        .registerSingleton("benchTestClassesFilter", new TestClassesExcludeFilter()));
    }

    /** Starts a hub; {@code extra} are more {@code --name=value} properties. */
    public static BenchHub start(Database database, String... extra) {
        return new BenchHub(database, List.of(extra));
    }

    /** Whether PostgreSQL answers on 127.0.0.1:5432 (database {@code test}, user {@code postgres}, trust auth). */
    public static boolean postgresAnswers() {
        try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Asks PostgreSQL for a checkpoint, so that phases compared with each other start alike: at the server's stock
     * {@code max_wal_size} (1 GB) a timed checkpoint otherwise lands in one phase or another by chance, and the
     * full-page writes after it cost that phase (osquery vs REST ingestion varied 36,000-52,000 events/s between runs
     * on the 2-core machine). A no-op on H2.
     */
    public void checkpoint() {
        if (database == Database.POSTGRESQL) {
            execute("CHECKPOINT");
        }
    }

    public Database database() {
        return database;
    }

    public String baseUrl() {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String adminKey() {
        return adminKey;
    }

    public String xpubEndpoint() {
        return xpub;
    }

    public String xsubEndpoint() {
        return xsub;
    }

    /** POSTs JSON with the admin key over real HTTP; returns the body, or throws unless the status is 2xx. */
    public String post(String path, String json) {
        try {
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
                                    .header("Content-Type", "application/json")
                                    .header("X-API-Key", adminKey)
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes an application event inside the hub (setup only). */
    public void publishEvent(Object event) {
        context.publishEvent(event);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The sum of a counter's value over every tag combination that matches the given tags. */
    public double counter(String name, String... tags) {
        return Search.in(context.getBean(MeterRegistry.class)).name(name).tags(tags).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    }

    /** The sum of a function counter's value over every tag combination that matches the given tags. */
    public double functionCounter(String name, String... tags) {
        return Search.in(context.getBean(MeterRegistry.class)).name(name).tags(tags).functionCounters().stream()
                .mapToDouble(io.micrometer.core.instrument.FunctionCounter::count)
                .sum();
    }

    @Override
    public void close() {
        context.close();
        if (schema != null) {
            try {
                execute("drop schema if exists " + schema + " cascade");
            } catch (IllegalStateException e) {
                System.out.println("could not drop schema " + schema + ": " + e.getMessage());
            }
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A temporary directory left behind is harmless.
            }
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
                var statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database's name for the figures. */
    public String databaseName() {
        return database.name()
                .toLowerCase(Locale.ROOT)
                .replace("postgresql", "PostgreSQL")
                .replace("h2", "H2");
    }
}
