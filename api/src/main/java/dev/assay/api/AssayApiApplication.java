package dev.assay.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Assay's api: REST, assistant, executors and stores; with no configuration, everything in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class AssayApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssayApiApplication.class, args);
    }
}
