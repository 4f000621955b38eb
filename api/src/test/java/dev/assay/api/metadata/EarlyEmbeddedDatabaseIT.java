package dev.assay.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.api.config.AssayProperties;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL that the api's {@code main} begins before its context is built: the DataSource uses that
 * server (no second one on the same folder), the server stops with the context, also when the context fails before
 * it reaches the DataSource (a failed laptop start leaves no PostgreSQL running), and none is begun when an external
 * database is configured.
 */
class EarlyEmbeddedDatabaseIT {

    @TempDir
    Path data;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AssayProperties.class)
    @Import(DatabaseConfiguration.class)
    static class Database {}

    @Configuration(proxyBeanMethods = false)
    static class Broken {
        @Bean
        Object refusedSetting() {
            throw new IllegalStateException("a setting the api refuses");
        }
    }

    @Test
    void theDataSourceUsesTheServerBegunBeforeTheContextAndItStopsWithTheContext() throws Exception {
        try (ConfigurableApplicationContext context = run(Map.of(), Database.class)) {
            EarlyEmbeddedDatabase.Start begun = context.getBean(EarlyEmbeddedDatabase.Start.class);
            assertThat(context.getBean(DatabaseConfiguration.DatabaseServer.class)
                            .embedded())
                    .containsSame(begun.take());
            assertThat(JdbcClient.create(context.getBean(DataSource.class))
                            .sql("select 1")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(data.resolve(".postgres/postmaster.pid")).exists();
        }
        assertThat(data.resolve(".postgres/postmaster.pid")).doesNotExist();
    }

    @Test
    void aStartThatFailsBeforeTheDataSourceLeavesNoServerRunning() {
        assertThatThrownBy(() -> run(Map.of(), Broken.class)).hasStackTraceContaining("a setting the api refuses");
        // The server was made (initdb ran) and then stopped (PostgreSQL removes its pid file as it stops).
        assertThat(data.resolve(".postgres/PG_VERSION")).exists();
        assertThat(data.resolve(".postgres/postmaster.pid")).doesNotExist();
    }

    @Test
    void noServerIsBegunWhenAnExternalDatabaseIsConfigured() {
        try (ConfigurableApplicationContext context =
                run(Map.of("assay.database.url", "jdbc:postgresql://127.0.0.1:5432/test"), Database.class)) {
            assertThat(context.getBeanProvider(EarlyEmbeddedDatabase.Start.class)
                            .getIfAvailable())
                    .isNull();
            assertThat(context.getBean(DatabaseConfiguration.DatabaseServer.class)
                            .embedded())
                    .isEmpty();
        }
        assertThat(data.resolve(".postgres")).doesNotExist();
    }

    /** Started as the api's main starts it, on the test's data folder. */
    private ConfigurableApplicationContext run(Map<String, String> settings, Class<?>... sources) {
        SpringApplication application = new SpringApplication(sources);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.addListeners(new EarlyEmbeddedDatabase());
        Map<String, String> all = new TreeMap<>(settings);
        all.put("assay.data-dir", data.toString());
        // Left alone by the tests' OwnSchema, which would otherwise point the context at the machine's PostgreSQL.
        all.put("assay.test.own-schema", "false");
        // Command-line arguments, which no environment variable of the machine overrides.
        return application.run(all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }
}
