package dev.assay.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * MockMvc sends no Host header, and the api answers 421 to a request that names no host it answers to (DNS
 * rebinding): every request of a {@link ControllerSlice} comes from the laptop's own browser, as in real use.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LoopbackRequests {

    @Bean
    MockMvcBuilderCustomizer hostIsLocalhost() {
        return builder -> builder.defaultRequest(get("/").header("Host", "localhost:8080"));
    }
}
