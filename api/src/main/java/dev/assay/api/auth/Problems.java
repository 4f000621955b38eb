package dev.assay.api.auth;

import dev.assay.api.audit.Audit;
import dev.assay.api.audit.AuditAction;
import dev.assay.api.identity.SignedIn;
import dev.assay.model.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Every refusal of the security layer as {@code application/problem+json}, like every other error of the api: a
 * missing or bad token (401), a sign-in the provider refused (401) and a forbidden action (403). A token that was
 * presented and refused, and a refused browser sign-in, are audit events ({@code sign_in}, {@code denied}).
 */
final class Problems implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final Audit audit;

    Problems(Audit audit) {
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail;
        if (e instanceof InvalidBearerTokenException) {
            // The token's own reason (expired, wrong audience, bad signature) is what its holder needs to know.
            detail = "the bearer token was refused: " + e.getMessage()
                    + "; get a new token from the identity provider for this application";
            denied(Map.of("via", "bearer token", "reason", e.getMessage()));
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        } else {
            detail = "sign in first: open the UI to sign in, or send a bearer token from the identity provider";
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        write(response, 401, "Unauthorized", detail, request);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        denied(Map.of("via", "browser sign-in", "reason", String.valueOf(e.getMessage())));
        write(
                response,
                401,
                "Sign-in refused",
                "the identity provider's sign-in did not succeed (" + e.getMessage() + "); open the UI again to retry",
                request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, 403, "Forbidden", "you are signed in but may not do this", request);
    }

    private void denied(Map<String, Object> details) {
        try {
            audit.record(
                    SignedIn.ANONYMOUS, AuditAction.SIGN_IN, "denied", Optional.empty(), Optional.empty(), details);
        } catch (RuntimeException e) {
            log.warn("refused sign-in not recorded in the audit trail: {}", e.toString());
        }
    }

    static void write(HttpServletResponse response, int status, String title, String detail, HttpServletRequest request)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        byte[] body = Json.write(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
