package dev.assay.api.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/** A cross-origin request from an origin not allowed is refused like every other error: problem+json that says why. */
@Configuration(proxyBeanMethods = false)
public class ProblemCorsProcessor {

    static final class Processor extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody()
                    .write(("{\"type\":\"about:blank\",\"title\":\"Origin not allowed\",\"status\":403,"
                                    + "\"detail\":\"this api does not accept calls from the page's origin; ask the operator to add it "
                                    + "to assay.cors.allowed-origins\"}")
                            .getBytes(StandardCharsets.UTF_8));
            response.flush();
        }
    }

    @Bean
    static BeanPostProcessor problemCorsRejections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractHandlerMapping mapping) {
                    mapping.setCorsProcessor(new Processor());
                }
                return bean;
            }
        };
    }
}
