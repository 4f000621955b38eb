package dev.assay.charts;

import static dev.assay.charts.Rendered.container;
import static dev.assay.charts.Rendered.env;
import static dev.assay.charts.Rendered.envEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The api's metadata database (the release's PostgreSQL or an external one) and its sign-in settings. */
class MetadataAndLoginChartTest {

    @BeforeEach
    void firstInstall() {
        FakeCluster.shared().clear();
    }

    @Test
    void byDefaultTheReleaseRunsPostgresqlOnAVolumeThatOnlyTheApiReaches() {
        Rendered rendered = AssayChart.render();

        JsonNode statefulSet = rendered.get("StatefulSet", "assay-postgresql");
        JsonNode postgres = container(statefulSet.path("spec").path("template"), "postgresql");
        assertThat(postgres.path("image").asText()).startsWith("postgres:");
        assertThat(postgres.path("securityContext")
                        .path("readOnlyRootFilesystem")
                        .asBoolean())
                .isTrue();
        assertThat(env(postgres, "PGDATA")).contains("/var/lib/postgresql/data/pgdata");
        assertThat(statefulSet
                        .path("spec")
                        .path("volumeClaimTemplates")
                        .get(0)
                        .path("spec")
                        .path("resources")
                        .path("requests")
                        .path("storage")
                        .asText())
                .isEqualTo("8Gi");
        JsonNode secret = rendered.get("Secret", "assay-postgresql");
        assertThat(secret.path("data").path("postgres-password").asText()).isNotBlank();
        assertThat(envEntry(postgres, "POSTGRES_PASSWORD")
                        .orElseThrow()
                        .path("valueFrom")
                        .path("secretKeyRef")
                        .path("name")
                        .asText())
                .isEqualTo("assay-postgresql");

        JsonNode api =
                container(rendered.get("Deployment", "assay-api").path("spec").path("template"), "api");
        assertThat(env(api, "ASSAY_DATABASE_URL")).contains("jdbc:postgresql://assay-postgresql.assay.svc:5432/assay");
        assertThat(env(api, "ASSAY_DATABASE_USERNAME")).contains("assay");
        assertThat(envEntry(api, "ASSAY_DATABASE_PASSWORD")
                        .orElseThrow()
                        .path("valueFrom")
                        .path("secretKeyRef")
                        .path("key")
                        .asText())
                .isEqualTo("postgres-password");
        assertThat(env(api, "ASSAY_AUTH_MODE")).contains("none");
        assertThat(env(api, "ASSAY_DATABASE_LEGACY_TEAM")).contains("assay");

        JsonNode policy = rendered.get("NetworkPolicy", "assay-postgresql").path("spec");
        assertThat(policy.path("ingress")).hasSize(1);
        assertThat(policy.path("ingress")
                        .get(0)
                        .path("from")
                        .get(0)
                        .path("podSelector")
                        .path("matchLabels")
                        .path("app.kubernetes.io/component")
                        .asText())
                .isEqualTo("api");
        assertThat(rendered.get("NetworkPolicy", "assay-api-postgresql")
                        .path("spec")
                        .path("egress")
                        .get(0)
                        .path("ports")
                        .get(0)
                        .path("port")
                        .asInt())
                .isEqualTo(5432);
    }

    @Test
    void anExternalDatabaseAndOpenIdConnectAreWiredFromValues() {
        Rendered rendered = AssayChart.render("postgresql-oidc.yaml");

        assertThat(rendered.find("StatefulSet", "assay-postgresql")).isEmpty();
        assertThat(rendered.find("Secret", "assay-postgresql")).isEmpty();
        JsonNode api =
                container(rendered.get("Deployment", "assay-api").path("spec").path("template"), "api");
        assertThat(env(api, "ASSAY_DATABASE_URL")).contains("jdbc:postgresql://db.example.com:5433/assay");
        assertThat(env(api, "ASSAY_DATABASE_USERNAME")).contains("assay_app");
        JsonNode password = envEntry(api, "ASSAY_DATABASE_PASSWORD")
                .orElseThrow()
                .path("valueFrom")
                .path("secretKeyRef");
        assertThat(password.path("name").asText()).isEqualTo("assay-db");
        assertThat(env(api, "ASSAY_DATABASE_LEGACY_OWNER")).contains("platform-team");
        assertThat(env(api, "ASSAY_AUTH_MODE")).contains("oidc");
        assertThat(env(api, "ASSAY_AUTH_ISSUER")).contains("https://login.example.com/realms/analytics");
        assertThat(env(api, "ASSAY_AUTH_CLIENT_ID")).contains("assay");
        assertThat(env(api, "ASSAY_AUTH_GROUPS_CLAIM")).contains("roles");
        assertThat(env(api, "ASSAY_AUTH_ADMIN_GROUP")).contains("data-admins");
        JsonNode clientSecret = envEntry(api, "ASSAY_AUTH_CLIENT_SECRET")
                .orElseThrow()
                .path("valueFrom")
                .path("secretKeyRef");
        assertThat(clientSecret.path("name").asText()).isEqualTo("assay-oidc");
        assertThat(clientSecret.path("key").asText()).isEqualTo("secret");
        assertThat(rendered.get("NetworkPolicy", "assay-api-postgresql")
                        .path("spec")
                        .path("egress")
                        .get(0)
                        .path("ports")
                        .get(0)
                        .path("port")
                        .asInt())
                .isEqualTo(5433);
    }

    @Test
    void openIdConnectWithoutAnIssuerOrAnExternalDatabaseWithoutAUrlIsAnInstallError() {
        assertThatThrownBy(() -> AssayChart.render(Map.of("auth.mode", "oidc")))
                .hasMessageContaining("auth.oidc.issuer");
        assertThatThrownBy(() -> AssayChart.render(Map.of("postgresql.enabled", "false")))
                .hasMessageContaining("postgresql.external.url");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            auth.mode                      | saml                 | /auth/mode
            auth.oidc.issuer               | login.example.com    | /auth/oidc/issuer
            postgresql.external.url        | mysql://db/assay     | /postgresql/external/url
            postgresql.auth.database       | my-db                | /postgresql/auth/database
            postgresql.external.port       | 70000                | /postgresql/external/port
            """)
    void theSchemaNamesAWrongValue(String key, String value, String where) {
        assertThatThrownBy(() -> AssayChart.render(Map.of(key, value)))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(where);
    }
}
