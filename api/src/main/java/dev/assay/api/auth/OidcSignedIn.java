package dev.assay.api.auth;

import dev.assay.api.identity.Actor;
import dev.assay.api.identity.SignedIn;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** The person of a request on a cluster: from the bearer token, or from the browser session's ID token. */
@Component
@ConditionalOnProperty(name = "assay.auth.mode", havingValue = "oidc")
public class OidcSignedIn implements SignedIn {

    private final AuthProperties auth;

    public OidcSignedIn(AuthProperties auth) {
        this.auth = auth;
    }

    @Override
    public Actor actor() {
        return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
                .flatMap(this::actorOf)
                .orElse(ANONYMOUS);
    }

    @Override
    public boolean login() {
        return true;
    }

    Optional<Actor> actorOf(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Optional.of(Claims.actor(jwt.getToken().getClaims(), auth));
        }
        if (authentication instanceof OAuth2AuthenticationToken login) {
            return Optional.of(Claims.actor(login.getPrincipal().getAttributes(), auth));
        }
        return Optional.empty();
    }
}
