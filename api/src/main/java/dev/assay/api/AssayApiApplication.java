package dev.assay.api;

import dev.assay.api.metadata.EarlyEmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Assay's api: REST, assistant, executors and stores; with no configuration, everything in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class AssayApiApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(AssayApiApplication.class);
        // The embedded PostgreSQL (laptop mode, and the image without a database URL) starts while the context is
        // built rather than when its DataSource is reached.
        application.addListeners(new EarlyEmbeddedDatabase());
        application.run(args);
    }
}
