package dev.assay.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.OwnSchema;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The migrations on an empty PostgreSQL schema of the machine's server: all apply, a second run does nothing. */
class MigrationIT {

    private final String schema = OwnSchema.create();

    @AfterEach
    void drop() {
        OwnSchema.drop(schema);
    }

    @Test
    void anEmptyDatabaseGetsEveryTableAndASecondMigrationChangesNothing() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(
                new org.postgresql.Driver(), OwnSchema.SERVER + "?currentSchema=" + schema, OwnSchema.USER, "");
        Flyway flyway = Flyway.configure().dataSource(dataSource).load();

        MigrateResult first = flyway.migrate();
        MigrateResult second = flyway.migrate();

        assertThat(first.migrationsExecuted).isPositive();
        assertThat(first.targetSchemaVersion).isEqualTo("1");
        assertThat(second.migrationsExecuted).isZero();
        List<String> tables = JdbcClient.create(dataSource)
                .sql("select table_name from information_schema.tables where table_schema = ? order by table_name")
                .param(schema)
                .query(String.class)
                .list();
        assertThat(tables).contains("audit_events", "datasets", "runs", "flyway_schema_history");
    }
}
