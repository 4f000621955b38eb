package dev.assay.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * The whole api on a random loopback port, as the {@code *HttpIT} classes test it: a schema of its own in the
 * machine's PostgreSQL ({@link OwnSchema}) and a data folder of its own ({@link OwnDataDir}), both removed when the
 * context closes. Each test class gets its own context, as with a {@code @TempDir} per class. Read the folder with
 * {@code @Value("${assay.data-dir}") Path data} and the port with {@code @LocalServerPort}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface ApiOverHttp {

    /** Settings of this test class, {@code name=value}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
