package dev.assay.api.web;

import dev.assay.api.config.AssayProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every answer carries, and who is answered at all. Browsers must not guess content types, leak URLs (job
 * ids) elsewhere, run scripts from anywhere but the api, or let another site frame the UI (clickjacking of
 * Apply). A Host the api does not answer to is refused before anything else, so a rebound DNS name cannot make
 * another site's page a same-origin caller. Artifacts set their own, stricter policy (reports are framed by the
 * UI itself).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-src 'self'; frame-ancestors 'none'";

    private final AssayProperties properties;

    public SecurityHeadersFilter(AssayProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!properties.allowsHost(request.getHeader("Host"))) {
            response.setStatus(421);
            response.setContentType("application/problem+json");
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Misdirected request\",\"status\":421,"
                    + "\"detail\":\"this server does not answer to that host name; use the address its operator gave "
                    + "you, or add the name to assay.allowed-hosts\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (request.getRequestURI().startsWith("/api/v1/artifacts/")) {
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
        } else {
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy", UI_POLICY);
        }
        chain.doFilter(request, response);
    }
}
