package dev.assay.api.metadata;

import com.zaxxer.hikari.HikariDataSource;
import dev.assay.api.config.AssayProperties;
import java.io.IOException;
import java.util.Optional;
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

    /** The embedded server when no external database is configured; the pool, which depends on it, closes first. */
    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(DatabaseProperties database, AssayProperties assay) throws IOException {
        if (database.configuredUrl().isPresent()) {
            return new DatabaseServer(Optional.empty());
        }
        return new DatabaseServer(Optional.of(EmbeddedDatabase.start(
                Optional.ofNullable(database.embeddedDir())
                        .orElse(assay.dataDir().resolve(".postgres"))
                        .toAbsolutePath(),
                database.embeddedPort())));
    }

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
