package dev.assay.api.metadata;

import com.zaxxer.hikari.HikariDataSource;
import dev.assay.api.config.AssayProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource for the metadata: the external PostgreSQL named by {@code assay.database.url}, or else the
 * embedded one. Flyway (Spring Boot's) migrates whichever it is before anything reads it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

    /**
     * The embedded server when no external database is configured; the pool, which depends on it, closes first. The
     * api's {@code main} has usually begun this start already ({@link EarlyEmbeddedDatabase}); this waits for it.
     */
    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(
            DatabaseProperties database, AssayProperties assay, ObjectProvider<EarlyEmbeddedDatabase.Start> early)
            throws IOException {
        Optional<EmbeddedSettings> embedded = embeddedSettings(database, assay);
        Optional<EarlyEmbeddedDatabase.Start> begun = Optional.ofNullable(early.getIfAvailable());
        if (begun.isPresent() && !embedded.equals(Optional.of(begun.get().settings()))) {
            // Settings that changed after the early start (a property source added while the context was built):
            // that server is not the one configured.
            begun.get().close();
            begun = Optional.empty();
        }
        if (embedded.isEmpty()) {
            return new DatabaseServer(Optional.empty());
        }
        return new DatabaseServer(Optional.of(
                begun.isPresent()
                        ? begun.get().take()
                        : EmbeddedDatabase.start(
                                embedded.get().directory(), embedded.get().port())));
    }

    /** Where and how the embedded server runs; empty when {@code assay.database.url} names an external one. */
    static Optional<EmbeddedSettings> embeddedSettings(DatabaseProperties database, AssayProperties assay) {
        if (database.configuredUrl().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new EmbeddedSettings(
                Optional.ofNullable(database.embeddedDir())
                        .orElse(assay.dataDir().resolve(".postgres"))
                        .toAbsolutePath(),
                database.embeddedPort()));
    }

    /**
     * @param directory its files
     * @param port      its loopback port; 0: any free one
     */
    record EmbeddedSettings(Path directory, int port) {}

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties database, DatabaseServer server) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("metadata");
        pool.setMaximumPoolSize(8);
        if (server.embedded().isPresent()) {
            pool.setJdbcUrl(server.embedded().get().jdbcUrl());
            pool.setUsername(server.embedded().get().username());
        } else {
            pool.setJdbcUrl(database.url());
            pool.setUsername(database.username());
            pool.setPassword(database.password());
        }
        return pool;
    }

    /** @param embedded empty when the database is external */
    public record DatabaseServer(Optional<EmbeddedDatabase> embedded) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (embedded.isPresent()) {
                embedded.get().close();
            }
        }
    }
}
