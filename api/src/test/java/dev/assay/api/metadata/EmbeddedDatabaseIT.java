package dev.assay.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The laptop mode's database: the PostgreSQL shipped in the jar starts in a folder, takes the migrations, and
 * finds its rows again when started anew on the same folder (the metadata outlives a restart like the files do).
 */
class EmbeddedDatabaseIT {

    @TempDir
    Path folder;

    @Test
    void theEmbeddedServerKeepsItsRowsAcrossARestart() throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(folder)) {
            assertThat(first.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
            SimpleDriverDataSource db = dataSource(first);
            Flyway.configure().dataSource(db).load().migrate();
            new Metadata(JdbcClient.create(db), new DatabaseProperties(null, null, null, null, 0, "local", "local"))
                    .datasetCreated(
                            "j-kept",
                            "kept.csv",
                            "local",
                            "local",
                            Metadata.Origin.API,
                            Instant.parse("2026-12-06T12:00:00Z"));
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(folder)) {
            SimpleDriverDataSource db = dataSource(second);
            assertThat(Flyway.configure().dataSource(db).load().migrate().migrationsExecuted)
                    .isZero();
            assertThat(new Metadata(
                                    JdbcClient.create(db),
                                    new DatabaseProperties(null, null, null, null, 0, "local", "local"))
                            .dataset("j-kept"))
                    .contains(new Metadata.Ownership("local", "local", Metadata.Origin.API));
        }
    }

    private static SimpleDriverDataSource dataSource(EmbeddedDatabase server) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(), server.username(), "");
    }
}
