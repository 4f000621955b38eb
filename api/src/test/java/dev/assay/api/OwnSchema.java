package dev.assay.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an api context at a schema of its own in the PostgreSQL on 127.0.0.1:5432 (trust authentication,
 * database {@code test}), created here and dropped when the context closes: the tests of the api run on a real
 * PostgreSQL without starting one per context. A test that sets {@code assay.database.url} (or asks for the embedded
 * server with {@code assay.test.own-schema=false}) is left alone.
 */
public final class OwnSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";
    /** Schemas this JVM made and has not dropped: a context that fails to start never sends its closed event. */
    private static final java.util.Set<String> LEFT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LEFT.forEach(OwnSchema::drop), "drop-test-schemas"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var env = context.getEnvironment();
        String configured = env.getProperty("assay.database.url", "");
        if (!configured.isBlank() || !env.getProperty("assay.test.own-schema", Boolean.class, true)) {
            return;
        }
        String schema = create();
        env.getPropertySources()
                .addFirst(new MapPropertySource(
                        "own-schema",
                        Map.of(
                                "assay.database.url",
                                SERVER + "?currentSchema=" + schema,
                                "assay.database.username",
                                USER)));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                drop(schema);
            }
        });
    }

    /** A new empty schema; its name. */
    public static String create() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        execute("create schema " + schema);
        LEFT.add(schema);
        return schema;
    }

    public static void drop(String schema) {
        execute("drop schema if exists " + schema + " cascade");
        LEFT.remove(schema);
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL on 127.0.0.1:5432 (database test) is needed by the api's " + "tests: " + e.getMessage(),
                    e);
        }
    }
}
