package dev.assay.api.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}, with property names as they are on the wire (snake_case). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        // On the wire an OptionalInt or OptionalLong is its number or nothing (Jdk8Module); described as a bean it
        // would be {as_int, empty, present}, and the UI's types, generated from this document, would say so too.
        SpringDocUtils.getConfig()
                .replaceWithClass(OptionalInt.class, Integer.class)
                .replaceWithClass(OptionalLong.class, Long.class);
    }

    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new NullMarkedRecordResolver(
                Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI assayOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Assay API")
                        .description(
                                "Upload a CSV, get a profile report; apply a plan of whitelisted actions; download the "
                                        + "results. JSON is snake_case; errors are application/problem+json (RFC 9457). The contract "
                                        + "is also written down in docs/rest-api.md.")
                        .version("v1")
                        .license(new License()
                                .name("GPL-3.0-or-later")
                                .url("https://www.gnu.org/licenses/gpl-3.0.html")));
    }
}
