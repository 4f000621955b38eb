package dev.assay.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.auth.AuthProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The UI's sign-out form ends at the provider; without login there is nowhere else a form may go. */
class FormTargetsTest {

    private static AuthProperties auth(String mode, String issuer) {
        return new AuthProperties(
                mode,
                issuer,
                "assay-web",
                "secret",
                "assay",
                "preferred_username",
                "groups",
                "assay-admins",
                Duration.ofSeconds(60));
    }

    @Test
    void onAClusterFormsMayLeadToTheIssuersOriginOnly() {
        assertThat(SecurityHeadersFilter.formTargets(auth("oidc", "https://login.example.com:8443/realms/assay")))
                .isEqualTo("'self' https://login.example.com:8443");
    }

    @Test
    void onALaptopFormsStayOnTheApi() {
        assertThat(SecurityHeadersFilter.formTargets(auth("none", null))).isEqualTo("'self'");
        assertThat(SecurityHeadersFilter.formTargets(auth("none", "https://login.example.com")))
                .isEqualTo("'self'");
    }
}
