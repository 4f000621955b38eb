package dev.assay.api.web;

import dev.assay.api.config.AssayProperties;
import jakarta.servlet.MultipartConfigElement;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** How requests reach the controllers: uploads, URL decoding, cross-origin calls. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    /** Parts smaller than this stay in memory; anything larger is spooled to a temporary file as it arrives. */
    static final int IN_MEMORY_PART_BYTES = 16 * 1024;
    /** Room for the multipart framing and a small form field or two beside the file. */
    static final long MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

    /** Parts a form may have: the file and a few fields beside it ({@code server.tomcat.max-part-count}). */
    public static final int MAX_PARTS = 50;

    private final AssayProperties properties;

    public WebConfiguration(AssayProperties properties) {
        this.properties = properties;
    }

    /** The upload limit is {@code assay.upload.max-size}, one setting for the api, the chart and the messages. */
    @Bean
    MultipartConfigElement multipartConfigElement() {
        long max = properties.upload().maxSize().toBytes();
        return new MultipartConfigElement("", max, max + MULTIPART_OVERHEAD_BYTES, IN_MEMORY_PART_BYTES);
    }

    /**
     * An encoded slash ({@code %2F}) stays encoded inside its path segment instead of being refused by the
     * container with a bare 400: the artifact endpoint then sees {@code ../x} as one name, refuses it with a
     * problem that says why, and nothing ever splits it into a path.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesStayInTheirSegment() {
        return connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        };
    }

    /**
     * Runs after Spring Boot's own Tomcat settings, which install an HTML error page valve, and replaces that
     * valve with one that answers problem+json.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return new ProblemErrorPages();
    }

    @Order(Ordered.LOWEST_PRECEDENCE)
    static final class ProblemErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                // The host adds a valve of this class when it starts unless one is there: name ours.
                if (context.getParent() instanceof StandardHost standardHost) {
                    standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
                Pipeline host = context.getParent().getPipeline();
                for (Valve valve : host.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.removeValve(valve);
                    }
                }
                host.addValve(new ProblemErrorReportValve());
            });
        }
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**")
                .allowedOrigins(properties.cors().allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "HEAD", "POST", "DELETE")
                .allowedHeaders("Content-Type", "Accept")
                .exposedHeaders("Location", "Retry-After", "Content-Disposition")
                .maxAge(3600);
    }
}
