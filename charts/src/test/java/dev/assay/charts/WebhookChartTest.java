package dev.assay.charts;

import static dev.assay.charts.Rendered.container;
import static dev.assay.charts.Rendered.env;
import static dev.assay.charts.Rendered.labels;
import static dev.assay.charts.Rendered.stream;
import static dev.assay.charts.Rendered.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mutating admission webhook that records who created a run: the API server must be able to reach the operator
 * through the Service, trust its certificate for the Service's DNS name, and the operator must find that certificate.
 */
class WebhookChartTest {

    private static final String SERVICE = "assay-operator-webhook";
    private static final String SECRET = "assay-operator-webhook-tls";

    @BeforeEach
    void firstInstall() {
        FakeCluster.shared().clear();
    }

    private static String decoded(JsonNode base64) {
        return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void byDefaultTheApiServerAsksTheOperatorOnEveryCreateAndUpdateOfARun() {
        Rendered rendered = AssayChart.render();

        JsonNode configuration = rendered.get("MutatingWebhookConfiguration", "assay-operator-assay");
        assertThat(configuration.path("apiVersion").asText()).isEqualTo("admissionregistration.k8s.io/v1");
        assertThat(configuration.path("webhooks")).hasSize(1);
        JsonNode webhook = configuration.path("webhooks").get(0);
        assertThat(webhook.path("name").asText()).isEqualTo("creator.assay.dev");
        assertThat(texts(webhook.path("admissionReviewVersions"))).containsExactly("v1");
        assertThat(webhook.path("sideEffects").asText()).isEqualTo("None");
        assertThat(webhook.path("failurePolicy").asText())
                .as("Ignore would let a hand-written creator through while the operator is down")
                .isEqualTo("Fail");
        assertThat(webhook.path("timeoutSeconds").asInt()).isEqualTo(5);
        assertThat(webhook.has("namespaceSelector"))
                .as("a namespace left out is one where the creator could be forged")
                .isFalse();
        assertThat(webhook.path("rules")).hasSize(1);
        JsonNode rule = webhook.path("rules").get(0);
        assertThat(texts(rule.path("apiGroups"))).containsExactly("assay.dev");
        assertThat(texts(rule.path("operations"))).containsExactlyInAnyOrder("CREATE", "UPDATE");
        assertThat(texts(rule.path("resources"))).containsExactlyInAnyOrder("assistantruns", "datasetjobs");
        JsonNode service = webhook.path("clientConfig").path("service");
        assertThat(service.path("namespace").asText()).isEqualTo("assay");
        assertThat(service.path("name").asText()).isEqualTo(SERVICE);
        assertThat(service.path("path").asText()).isEqualTo("/mutate/creator");
        assertThat(service.path("port").asInt()).isEqualTo(443);

        // The Service reaches the operator's pods on the port the operator serves the webhook on.
        JsonNode pod = rendered.get("Deployment", "assay-operator").path("spec").path("template");
        JsonNode operator = container(pod, "operator");
        JsonNode target = rendered.get("Service", SERVICE).path("spec");
        Map<String, String> podLabels = labels(pod);
        target.path("selector")
                .properties()
                .forEach(e -> assertThat(podLabels)
                        .containsEntry(e.getKey(), e.getValue().asText()));
        assertThat(target.path("ports").get(0).path("port").asInt()).isEqualTo(443);
        String targetPort = target.path("ports").get(0).path("targetPort").asText();
        JsonNode containerPort = stream(operator.path("ports"))
                .filter(p -> p.path("name").asText().equals(targetPort))
                .findFirst()
                .orElseThrow();
        assertThat(containerPort.path("containerPort").asInt()).isEqualTo(8443);
        assertThat(env(operator, "ASSAY_OPERATOR_WEBHOOK_PORT")).contains("8443");

        // The operator reads tls.crt and tls.key from the mounted Secret.
        String dir = env(operator, "ASSAY_OPERATOR_WEBHOOK_TLS_DIR").orElseThrow();
        JsonNode mount = stream(operator.path("volumeMounts"))
                .filter(m -> m.path("mountPath").asText().equals(dir))
                .findFirst()
                .orElseThrow();
        JsonNode volume = stream(pod.path("spec").path("volumes"))
                .filter(v -> v.path("name").asText().equals(mount.path("name").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(volume.path("secret").path("secretName").asText()).isEqualTo(SECRET);

        // The api trusts the annotation because the webhook writes it.
        JsonNode api =
                container(rendered.get("Deployment", "assay-api").path("spec").path("template"), "api");
        assertThat(env(api, "ASSAY_KUBERNETES_CREATOR_ANNOTATION")).contains("true");
    }

    @Test
    void theCertificateIsTrustedByTheCaBundleForTheServicesDnsName() throws Exception {
        Rendered rendered = AssayChart.render();

        JsonNode webhook = rendered.get("MutatingWebhookConfiguration", "assay-operator-assay")
                .path("webhooks")
                .get(0);
        X509Certificate ca = certificate(decoded(webhook.path("clientConfig").path("caBundle")));
        JsonNode secret = rendered.get("Secret", SECRET);
        assertThat(secret.path("type").asText()).isEqualTo("kubernetes.io/tls");
        X509Certificate served = certificate(decoded(secret.path("data").path("tls.crt")));

        served.verify(ca.getPublicKey());
        served.checkValidity(new Date(System.currentTimeMillis() + 365L * 24 * 3600 * 1000));
        assertThat(served.getSubjectAlternativeNames().stream()
                        .filter(name -> ((Integer) name.get(0)) == 2)
                        .map(name -> (String) name.get(1))
                        .toList())
                .contains("assay-operator-webhook.assay.svc", "assay-operator-webhook.assay.svc.cluster.local");
        assertThat(decoded(secret.path("data").path("ca.crt")))
                .isEqualTo(decoded(webhook.path("clientConfig").path("caBundle")));
        // Helm writes PKCS#1; the operator reads it (PemTls).
        assertThat(decoded(secret.path("data").path("tls.key"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    }

    @Test
    void anUpgradeKeepsTheCertificateThePodsServe() {
        Rendered first = AssayChart.render();
        JsonNode secret = first.get("Secret", SECRET).path("data");
        FakeCluster.shared()
                .putSecret(
                        "assay",
                        SECRET,
                        Map.of(
                                "ca.crt", decoded(secret.path("ca.crt")),
                                "tls.crt", decoded(secret.path("tls.crt")),
                                "tls.key", decoded(secret.path("tls.key"))));

        Rendered upgrade = AssayChart.render();

        assertThat(upgrade.get("Secret", SECRET).path("data")).isEqualTo(secret);
        assertThat(upgrade.get("MutatingWebhookConfiguration", "assay-operator-assay")
                        .path("webhooks")
                        .get(0)
                        .path("clientConfig")
                        .path("caBundle")
                        .asText())
                .isEqualTo(secret.path("ca.crt").asText());
    }

    @Test
    void turnedOffNothingAsksTheOperatorAndTheApiDoesNotBelieveTheAnnotation() {
        Rendered rendered = AssayChart.render(Map.of("operator.webhook.enabled", false));

        assertThat(rendered.ofKind("MutatingWebhookConfiguration")).isEmpty();
        assertThat(rendered.find("Secret", SECRET)).isEmpty();
        assertThat(rendered.find("Service", SERVICE)).isEmpty();
        JsonNode pod = rendered.get("Deployment", "assay-operator").path("spec").path("template");
        JsonNode operator = container(pod, "operator");
        assertThat(env(operator, "ASSAY_OPERATOR_WEBHOOK_TLS_DIR")).isEmpty();
        assertThat(stream(operator.path("ports")).map(p -> p.path("name").asText()))
                .containsExactly("health");
        assertThat(stream(pod.path("spec").path("volumes"))
                        .map(v -> v.path("name").asText()))
                .doesNotContain("webhook-tls");
        JsonNode api =
                container(rendered.get("Deployment", "assay-api").path("spec").path("template"), "api");
        assertThat(env(api, "ASSAY_KUBERNETES_CREATOR_ANNOTATION")).contains("false");
    }

    @Test
    void theOperatorsNetworkPolicyLetsTheApiServerCallTheWebhook() {
        Rendered rendered = AssayChart.render();

        List<Integer> ports = stream(rendered.get("NetworkPolicy", "assay-operator")
                        .path("spec")
                        .path("ingress"))
                .flatMap(rule -> stream(rule.path("ports")))
                .map(p -> p.path("port").asInt())
                .toList();

        assertThat(ports).contains(8081, 8443);
    }

    @Test
    void theSchemaRefusesATimeoutTheApiServerWouldNotAccept() {
        assertThatThrownBy(() -> AssayChart.render(Map.of("operator.webhook.timeoutSeconds", 60)))
                .hasMessageContaining("values don't meet the specifications of the schema");
        assertThatThrownBy(() -> AssayChart.render(Map.of("operator.webhook.enabeld", true)))
                .hasMessageContaining("values don't meet the specifications of the schema");
    }
}
