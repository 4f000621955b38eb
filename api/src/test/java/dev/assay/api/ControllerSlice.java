package dev.assay.api;

import dev.assay.api.auth.SecurityConfiguration;
import dev.assay.api.config.AssayProperties;
import dev.assay.api.web.StrictJson;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;

/**
 * A controller tested on its own: the MVC layer as the api runs it (its filters, the problem+json error mapping,
 * the strict JSON reading, the laptop mode's security) with the controller's collaborators replaced by mocks in the
 * test ({@code @MockitoBean}). No server, no stores and no database: {@link OwnSchema} is told to leave the context
 * alone. The whole application over HTTP is what the {@code *HttpIT} classes start (on the machine's PostgreSQL, run by Failsafe).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
// The slice brings no Spring Security of its own (that is the separate security-test module): the api's laptop chain
// needs HttpSecurity, and MockMvc then runs requests through the same filter chain as the application.
@ImportAutoConfiguration({
    SecurityAutoConfiguration.class,
    ServletWebSecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class
})
@Import({SecurityConfiguration.class, StrictJson.class, LoopbackRequests.class})
@EnableConfigurationProperties(AssayProperties.class)
@TestPropertySource(properties = "assay.test.own-schema=false")
public @interface ControllerSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
