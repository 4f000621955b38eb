package dev.assay.charts;

import static dev.assay.charts.Rendered.container;
import static dev.assay.charts.Rendered.env;
import static dev.assay.charts.Rendered.envEntry;
import static dev.assay.charts.Rendered.stream;
import static dev.assay.charts.Rendered.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The switches a platform engineer turns: persistence, ingress, more namespaces, own secrets, upgrades. */
class ChartOptionsTest {

    @BeforeEach
    void firstInstall() {
        FakeCluster.shared().clear();
    }

    @Test
    void persistenceKeepsRedisAndMinioDataOnClaimsThatOutliveTheRelease() {
        Rendered rendered = AssayChart.render("persistence-ingress.yaml");

        JsonNode redisClaim = rendered.get("PersistentVolumeClaim", "assay-redis");
        JsonNode minioClaim = rendered.get("PersistentVolumeClaim", "assay-minio");
        assertThat(redisClaim
                        .path("spec")
                        .path("resources")
                        .path("requests")
                        .path("storage")
                        .asText())
                .isEqualTo("2Gi");
        assertThat(redisClaim.path("spec").path("storageClassName").asText()).isEqualTo("fast");
        assertThat(minioClaim
                        .path("spec")
                        .path("resources")
                        .path("requests")
                        .path("storage")
                        .asText())
                .isEqualTo("50Gi");
        assertThat(minioClaim.path("spec").has("storageClassName"))
                .as("cluster default class")
                .isFalse();
        for (JsonNode claim : List.of(redisClaim, minioClaim)) {
            assertThat(claim.path("metadata")
                            .path("annotations")
                            .path("helm.sh/resource-policy")
                            .asText())
                    .isEqualTo("keep");
        }
        for (String store : List.of("assay-redis", "assay-minio")) {
            JsonNode deployment = rendered.get("Deployment", store);
            JsonNode data = stream(deployment
                            .path("spec")
                            .path("template")
                            .path("spec")
                            .path("volumes"))
                    .filter(v -> v.path("name").asText().equals("data"))
                    .findFirst()
                    .orElseThrow();
            assertThat(data.path("persistentVolumeClaim").path("claimName").asText())
                    .isEqualTo(store);
            // Two pods must never write one ReadWriteOnce volume during a rollout.
            assertThat(deployment.path("spec").path("strategy").path("type").asText())
                    .isEqualTo("Recreate");
        }
        JsonNode redis =
                container(rendered.get("Deployment", "assay-redis").path("spec").path("template"), "redis");
        assertThat(String.join(" ", texts(redis.path("args")))).contains("--appendonly yes");
    }

    @Test
    void ingressRoutesTheHostToTheApiServiceWithTls() {
        Rendered rendered = AssayChart.render("persistence-ingress.yaml");

        JsonNode ingress = rendered.get("Ingress", "assay-api").path("spec");
        JsonNode service = rendered.get("Service", "assay-api").path("spec");
        assertThat(ingress.path("ingressClassName").asText()).isEqualTo("nginx");
        assertThat(texts(ingress.path("tls").get(0).path("hosts"))).containsExactly("assay.example.com");
        assertThat(ingress.path("tls").get(0).path("secretName").asText()).isEqualTo("assay-example-tls");
        JsonNode rule = ingress.path("rules").get(0);
        assertThat(rule.path("host").asText()).isEqualTo("assay.example.com");
        JsonNode backend =
                rule.path("http").path("paths").get(0).path("backend").path("service");
        assertThat(backend.path("name").asText()).isEqualTo("assay-api");
        String port = backend.path("port").path("name").asText();
        assertThat(stream(service.path("ports")))
                .anyMatch(p -> p.path("name").asText().equals(port));
        assertThat(rendered.get("Ingress", "assay-api")
                        .path("metadata")
                        .path("annotations")
                        .path("nginx.ingress.kubernetes.io/proxy-body-size")
                        .asText())
                .isEqualTo("200m");
    }

    @Test
    void corsOriginsReachTheApiOnlyWhenListed() {
        JsonNode listed = container(
                AssayChart.render("persistence-ingress.yaml")
                        .get("Deployment", "assay-api")
                        .path("spec")
                        .path("template"),
                "api");
        JsonNode none = container(
                AssayChart.render().get("Deployment", "assay-api").path("spec").path("template"), "api");

        assertThat(env(listed, "ASSAY_CORS_ALLOWED_ORIGINS"))
                .contains("https://assay.example.com,https://bi.example.com");
        // Unset rather than empty: the api's own default (same origin only) applies.
        assertThat(envEntry(none, "ASSAY_CORS_ALLOWED_ORIGINS")).isEmpty();
    }

    @Test
    void everyWatchedNamespaceGetsTheOperatorsRoleTheRunnerAccountAndSettings() {
        Rendered rendered = AssayChart.render("more-namespaces.yaml");

        JsonNode operator = container(
                rendered.get("Deployment", "assay-operator").path("spec").path("template"), "operator");
        assertThat(env(operator, "ASSAY_WATCH_NAMESPACES")).contains("assay,team-a,team-b");
        for (String namespace : List.of("assay", "team-a", "team-b")) {
            assertThat(rendered.get("Role", namespace, "assay-operator").path("rules"))
                    .isNotEmpty();
            JsonNode binding = rendered.get("RoleBinding", namespace, "assay-operator");
            assertThat(binding.path("subjects").get(0).path("namespace").asText())
                    .isEqualTo("assay");
            assertThat(rendered.get("ServiceAccount", namespace, "assay-runner")
                            .path("automountServiceAccountToken")
                            .asBoolean(true))
                    .isFalse();
            JsonNode runnerSecret =
                    rendered.get("Secret", namespace, "assay-runner").path("stringData");
            assertThat(runnerSecret.path("ASSAY_REDIS_URL").asText())
                    .startsWith("redis://runner-" + namespace + ":")
                    .endsWith("@assay-redis.assay.svc:6379");
            // No object-store credentials in a tenant namespace: runners get presigned URLs per Job.
            assertThat(runnerSecret.properties())
                    .extracting(java.util.Map.Entry::getKey)
                    .containsExactly("ASSAY_REDIS_URL");
        }
        // The api's and operator's settings (the Redis root password) stay in the release's namespace.
        assertThat(rendered.find("Secret", "team-a", "assay-runtime")).isEmpty();
        assertThat(env(operator, "ASSAY_RUNNER_SECRET")).contains("assay-runner");
        // Runners in team namespaces still reach the stores, and only runners from there.
        JsonNode peers = rendered.get("NetworkPolicy", "assay-redis")
                .path("spec")
                .path("ingress")
                .get(0)
                .path("from");
        JsonNode fromTeams = stream(peers)
                .filter(p -> p.has("namespaceSelector"))
                .findFirst()
                .orElseThrow();
        assertThat(texts(fromTeams
                        .path("namespaceSelector")
                        .path("matchExpressions")
                        .get(0)
                        .path("values")))
                .containsExactly("team-a", "team-b");
        assertThat(fromTeams
                        .path("podSelector")
                        .path("matchLabels")
                        .path("app.kubernetes.io/component")
                        .asText())
                .isEqualTo("runner");
        // The leader-election lease stays in the operator's own namespace.
        assertThat(rendered.find("Role", "team-a", "assay-operator-leader-election"))
                .isEmpty();
    }

    @Test
    void anUpgradeKeepsTheCredentialsTheFirstInstallGenerated() {
        FakeCluster.shared().putSecret("assay", "assay-redis", Map.of("redis-password", "kept0redis0password"));
        FakeCluster.shared()
                .putSecret(
                        "assay",
                        "assay-minio",
                        Map.of("root-user", "keptuser", "root-password", "kept0minio0password"));

        Rendered upgrade = AssayChart.render();

        assertThat(decoded(upgrade, "assay-redis", "redis-password")).isEqualTo("kept0redis0password");
        assertThat(decoded(upgrade, "assay-minio", "root-user")).isEqualTo("keptuser");
        assertThat(decoded(upgrade, "assay-minio", "root-password")).isEqualTo("kept0minio0password");
        JsonNode runtime = upgrade.get("Secret", "assay-runtime").path("stringData");
        assertThat(runtime.path("ASSAY_REDIS_URL").asText())
                .isEqualTo("redis://:kept0redis0password@assay-redis.assay.svc:6379");
        assertThat(runtime.path("ASSAY_S3_SECRET_KEY").asText()).isEqualTo("kept0minio0password");
    }

    @Test
    void anUpgradeWithTheSameValuesRestartsNothingAndNewSettingsRollThePods() {
        String installed = settingsChecksum(AssayChart.render(), "assay-api");
        FakeCluster.shared().putSecret("assay", "assay-redis", Map.of("redis-password", "kept0redis0password"));
        FakeCluster.shared()
                .putSecret(
                        "assay",
                        "assay-minio",
                        Map.of("root-user", "keptuser", "root-password", "kept0minio0password"));
        Rendered upgrade = AssayChart.render();
        Rendered newBucket = AssayChart.render(Map.of("s3.bucket", "analytics"));

        assertThat(settingsChecksum(upgrade, "assay-api")).isEqualTo(installed);
        assertThat(settingsChecksum(upgrade, "assay-operator")).isEqualTo(installed);
        assertThat(settingsChecksum(newBucket, "assay-api")).isNotEqualTo(installed);
        assertThat(settingsChecksum(newBucket, "assay-operator")).isNotEqualTo(installed);
    }

    @Test
    void twoFirstInstallsDoNotShareAPassword() {
        String first = decoded(AssayChart.render(), "assay-redis", "redis-password");
        String second = decoded(AssayChart.render(), "assay-redis", "redis-password");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void givenSecretsAreReferencedAndNeverWrittenByTheChart() {
        Rendered rendered = AssayChart.render("own-secrets.yaml");

        assertThat(rendered.find("Secret", "assay-redis")).isEmpty();
        assertThat(rendered.find("Secret", "assay-minio")).isEmpty();
        assertThat(rendered.find("Secret", "assay-runtime")).isEmpty();
        JsonNode redis =
                container(rendered.get("Deployment", "assay-redis").path("spec").path("template"), "redis");
        assertThat(envEntry(redis, "REDIS_PASSWORD")
                        .orElseThrow()
                        .path("valueFrom")
                        .path("secretKeyRef")
                        .toString())
                .contains("\"name\":\"corp-redis\"")
                .contains("\"key\":\"password\"");
        JsonNode minio =
                container(rendered.get("Deployment", "assay-minio").path("spec").path("template"), "minio");
        assertThat(envEntry(minio, "MINIO_ROOT_USER")
                        .orElseThrow()
                        .path("valueFrom")
                        .path("secretKeyRef")
                        .toString())
                .contains("\"name\":\"corp-minio\"")
                .contains("\"key\":\"user\"");
        JsonNode api =
                container(rendered.get("Deployment", "assay-api").path("spec").path("template"), "api");
        JsonNode operator = container(
                rendered.get("Deployment", "assay-operator").path("spec").path("template"), "operator");
        assertThat(api.path("envFrom").get(0).path("secretRef").path("name").asText())
                .isEqualTo("assay-runtime-env");
        assertThat(env(operator, "ASSAY_RUNNER_SECRET")).contains("assay-runtime-env");
    }

    @Test
    void assistantKeysComeFromSecretsAndTheRestFromValues() {
        Rendered rendered = AssayChart.render("own-secrets.yaml");

        JsonNode api =
                container(rendered.get("Deployment", "assay-api").path("spec").path("template"), "api");
        JsonNode gemini = envEntry(api, "ASSAY_ASSISTANT_GEMINI_API_KEY")
                .orElseThrow()
                .path("valueFrom")
                .path("secretKeyRef");
        assertThat(gemini.path("name").asText()).isEqualTo("corp-llm");
        assertThat(gemini.path("key").asText()).isEqualTo("gemini");
        JsonNode openai = envEntry(api, "ASSAY_ASSISTANT_OPENAI_API_KEY")
                .orElseThrow()
                .path("valueFrom")
                .path("secretKeyRef");
        assertThat(openai.path("name").asText()).isEqualTo("assay-assistant");
        assertThat(openai.path("key").asText()).isEqualTo("openai-api-key");
        assertThat(decoded(rendered, "assay-assistant", "openai-api-key")).isEqualTo("sk-local-test");
        assertThat(rendered.get("Secret", "assay-assistant").path("data").has("gemini-api-key"))
                .isFalse();
        assertThat(env(api, "ASSAY_ASSISTANT_GEMINI_MODEL")).contains("gemini-2.5-flash");
        assertThat(env(api, "ASSAY_ASSISTANT_OPENAI_BASE_URL")).contains("http://vllm.llm.svc:8000/v1");
        assertThat(env(api, "ASSAY_ASSISTANT_OPENAI_MODEL")).contains("qwen2.5");
        // A key never appears as a plain value in the pod spec.
        assertThat(api.toString()).doesNotContain("sk-local-test");
    }

    @Test
    void ownStoreCredentialsWithoutRuntimeSettingsFailWithWhatToDo() {
        assertThatThrownBy(() -> AssayChart.render(Map.of("redis.auth.existingSecret", "corp-redis")))
                .hasMessageContaining("runtimeSecret.existingSecret");
        assertThatThrownBy(() -> AssayChart.render(Map.of("minio.enabled", false)))
                .hasMessageContaining("minio.enabled=false")
                .hasMessageContaining("runtimeSecret.existingSecret");
    }

    @Test
    void externalStoresLeaveNoBundledRedisOrMinioBehind() {
        Rendered rendered = AssayChart.render(Map.of(
                "redis.enabled", false, "minio.enabled", false, "runtimeSecret.existingSecret", "managed-stores"));

        assertThat(rendered.names()).noneMatch(n -> n.contains("assay-redis") || n.contains("assay-minio"));
        // Stores at addresses the chart does not know: runners' egress is open (a cluster adds its own policy).
        assertThat(rendered.get("NetworkPolicy", "assay-runner")
                        .path("spec")
                        .path("egress")
                        .get(0)
                        .isEmpty())
                .isTrue();
        assertThat(rendered.find("NetworkPolicy", "assay-default-deny")).isPresent();
        assertThat(rendered.find("Deployment", "assay-api")).isPresent();
    }

    @Test
    void eachNamespacesRunnersGetARedisUserLimitedToThatNamespacesStatusKeys() {
        Rendered rendered = AssayChart.render("more-namespaces.yaml");
        JsonNode redis =
                container(rendered.get("Deployment", "assay-redis").path("spec").path("template"), "redis");
        String redisSecret = "assay-redis";
        String conf = decoded(rendered, redisSecret, "redis.conf");

        for (String namespace : List.of("assay", "team-a", "team-b")) {
            String rules =
                    dev.assay.model.protocol.TaskScope.namespace(namespace).redisAclRules("assay:");
            String password = new String(
                    java.util.Base64.getDecoder()
                            .decode(rendered.get("Secret", redisSecret)
                                    .path("data")
                                    .path("runner-" + namespace + "-password")
                                    .asText()),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(password).hasSize(32);
            assertThat(conf)
                    .as("the chart's ACL is the protocol's")
                    .contains("user runner-" + namespace + " on >" + password + " " + rules + "\n");
            assertThat(redis.toString())
                    .as("passwords stay off the command line")
                    .doesNotContain(password);
            assertThat(rendered.get("Secret", namespace, "assay-runner")
                            .path("stringData")
                            .path("ASSAY_REDIS_URL")
                            .asText())
                    .isEqualTo("redis://runner-" + namespace + ":" + password + "@assay-redis.assay.svc:6379");
        }
    }

    @Test
    void serviceMonitorsForTheOperatorsAndTheApisMetricsOnlyWhenAsked() {
        assertThat(AssayChart.render().ofKind("ServiceMonitor")).isEmpty();

        Rendered rendered = AssayChart.render(
                Map.of("metrics.serviceMonitor.enabled", true, "metrics.serviceMonitor.labels.release", "prometheus"));

        JsonNode monitor = rendered.get("ServiceMonitor", "assay-operator");
        JsonNode service = rendered.get("Service", "assay-operator-metrics");
        assertThat(monitor.path("metadata").path("labels").path("release").asText())
                .isEqualTo("prometheus");
        assertThat(monitor.path("spec").path("endpoints").get(0).path("path").asText())
                .isEqualTo("/metrics");
        assertThat(monitor.path("spec").path("endpoints").get(0).path("port").asText())
                .isEqualTo(
                        service.path("spec").path("ports").get(0).path("name").asText());
        assertThat(Rendered.selects(monitor.path("spec").path("selector"), Rendered.labels(service)))
                .isTrue();
        JsonNode operatorPods =
                rendered.get("Deployment", "assay-operator").path("spec").path("template");
        Map<String, String> serviceSelector = stringMap(service.path("spec").path("selector"));
        assertThat(serviceSelector).isNotEmpty();
        assertThat(Rendered.labels(operatorPods)).containsAllEntriesOf(serviceSelector);
        JsonNode apiMonitor = rendered.get("ServiceMonitor", "assay-api");
        JsonNode apiService = rendered.get("Service", "assay-api");
        assertThat(apiMonitor.path("spec").path("endpoints").get(0).path("path").asText())
                .isEqualTo("/actuator/prometheus");
        assertThat(apiMonitor.path("spec").path("endpoints").get(0).path("port").asText())
                .isEqualTo(apiService
                        .path("spec")
                        .path("ports")
                        .get(0)
                        .path("name")
                        .asText());
        assertThat(Rendered.selects(apiMonitor.path("spec").path("selector"), Rendered.labels(apiService)))
                .isTrue();
        assertThat(Rendered.selects(apiMonitor.path("spec").path("selector"), Rendered.labels(service)))
                .as("the api's monitor does not scrape the operator")
                .isFalse();
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static String settingsChecksum(Rendered rendered, String deployment) {
        String checksum = rendered.get("Deployment", deployment)
                .path("spec")
                .path("template")
                .path("metadata")
                .path("annotations")
                .path("checksum/settings")
                .asText();
        assertThat(checksum).hasSize(64);
        return checksum;
    }

    private static String decoded(Rendered rendered, String secret, String key) {
        return new String(
                Base64.getDecoder()
                        .decode(rendered.get("Secret", secret)
                                .path("data")
                                .path(key)
                                .asText()),
                StandardCharsets.UTF_8);
    }
}
