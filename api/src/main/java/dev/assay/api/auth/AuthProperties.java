package dev.assay.api.auth;

import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the api. {@code none}: the laptop mode, one local user and no login (the api listens on 127.0.0.1).
 * {@code oidc}: OpenID Connect, set by the chart on a cluster: browsers sign in with the authorization-code flow and
 * keep a server-side session (the UI never holds a token); other clients send bearer JWTs of the same issuer.
 *
 * @param issuer        the provider's issuer URL; its discovery document gives the endpoints and signing keys
 * @param clientId      the api's client at the provider (browser sign-in)
 * @param clientSecret  its secret; never logged
 * @param audience      a bearer token must name this in {@code aud}; tokens for other applications are refused
 * @param usernameClaim the claim naming the person ({@code sub} when absent from a token)
 * @param groupsClaim   the claim listing the person's groups: their teams, and the admin group
 * @param adminGroup    members of this group see and may act on every dataset
 * @param clockSkew     tolerance for the clocks of the provider and the api when checking a token's times
 */
@Validated
@ConfigurationProperties("assay.auth")
public record AuthProperties(
        @DefaultValue("none") @Pattern(regexp = "none|oidc", message = "must be none or oidc")
        String mode,

        String issuer,
        String clientId,
        String clientSecret,
        @DefaultValue("assay") String audience,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("groups") String groupsClaim,
        @DefaultValue("assay-admins") String adminGroup,
        @DefaultValue("60s") Duration clockSkew) {

    public boolean oidc() {
        return mode.equals("oidc");
    }

    public String requiredIssuer() {
        return Optional.ofNullable(issuer)
                .filter(i -> !i.isBlank())
                .orElseThrow(() -> new IllegalStateException(
                        "assay.auth.mode is oidc but assay.auth.issuer (ASSAY_AUTH_ISSUER) is not set"));
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "Auth[mode=" + mode + ", issuer=" + issuer + ", clientId=" + clientId + ", audience=" + audience + "]";
    }
}
