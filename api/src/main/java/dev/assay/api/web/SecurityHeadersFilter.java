package dev.assay.api.web;

import dev.assay.api.auth.AuthProperties;
import dev.assay.api.config.AssayProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
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
            + "form-action %s; frame-src 'self'; frame-ancestors 'none'";

    private final AssayProperties properties;
    private final String uiPolicy;

    public SecurityHeadersFilter(AssayProperties properties, AuthProperties auth) {
        this.properties = properties;
        this.uiPolicy = UI_POLICY.formatted(formTargets(auth));
    }

    /**
     * Where the UI's forms may lead. Its one form, Sign out, posts to the api, which answers with a redirect to the
     * provider's end-session endpoint (on the issuer's origin) so that the provider's session ends too; browsers
     * hold a form's redirects to form-action as well, so with 'self' alone the sign-out would stop half-way.
     */
    static String formTargets(AuthProperties auth) {
        if (!auth.oidc() || auth.issuer() == null || auth.issuer().isBlank()) {
            return "'self'";
        }
        URI issuer = URI.create(auth.issuer());
        return "'self' " + issuer.getScheme() + "://" + issuer.getRawAuthority();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!properties.allowsHost(request.getHeader("Host"))) {
            response.setStatus(421);
            response.setContentType("application/problem+json");
            response.getOutputStream()
                    .write(("{\"type\":\"about:blank\",\"title\":\"Misdirected request\",\"status\":421,"
                                    + "\"detail\":\"this server does not answer to that host name; use the address its operator gave "
                                    + "you, or add the name to assay.allowed-hosts\"}")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (request.getRequestURI().startsWith("/api/v1/artifacts/")) {
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
        } else {
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy", uiPolicy);
        }
        chain.doFilter(request, response);
    }
}
