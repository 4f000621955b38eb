package dev.assay.api.web;

import java.io.IOException;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the built UI (copied into {@code static/} by the build) at {@code /}. A deep link into the UI (a
 * path without a file extension, such as {@code /jobs/j-1}) gets {@code index.html} so the UI's router can show
 * it after a reload; api, actuator and documentation paths never do, so an unknown api path stays a 404.
 *
 * <p>Vite names what it builds under {@code assets/} after the content's hash, so those files never change
 * under their name: a browser keeps them a year without asking ({@code immutable}). Everything else, above all
 * {@code index.html}, is {@code no-cache} (kept, but revalidated each time), so a new release's index.html, which
 * names the new hashes, is picked up at once. Scripts go out brotli-compressed from the .br files the build
 * wrote, else gzip from {@code server.compression} in application.yaml.
 */
@Configuration(proxyBeanMethods = false)
public class SinglePageApp implements WebMvcConfigurer {

    private static final String[] NOT_UI = {"api/", "actuator", "v3/", "swagger-ui", "error"};

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                // The build writes a .br beside each script (ui/vite.config.ts): sent as is to a browser that
                // accepts br, with Vary: Accept-Encoding; the others get server.compression's gzip.
                .addResolver(new EncodedResourceResolver())
                .addResolver(new PathResourceResolver());
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new PathResourceResolver() {
                    @Override
                    protected Resource getResource(String path, Resource location) throws IOException {
                        Resource file = super.getResource(path, location);
                        if (file != null) {
                            return file;
                        }
                        for (String prefix : NOT_UI) {
                            if (path.startsWith(prefix)) {
                                return null;
                            }
                        }
                        if (path.substring(path.lastIndexOf('/') + 1).contains(".")) {
                            return null;
                        }
                        Resource index = new ClassPathResource("static/index.html");
                        return index.exists() ? index : null;
                    }
                });
    }
}
