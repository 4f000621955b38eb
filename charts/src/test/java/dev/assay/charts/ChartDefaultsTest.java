package dev.assay.charts;

import static dev.assay.charts.Rendered.container;
import static dev.assay.charts.Rendered.env;
import static dev.assay.charts.Rendered.labels;
import static dev.assay.charts.Rendered.selects;
import static dev.assay.charts.Rendered.stream;
import static dev.assay.charts.Rendered.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `helm install assay charts/assay` with no values: what a first-time user gets. */
class ChartDefaultsTest {

    private static Rendered rendered;

    @BeforeAll
    static void render() {
        FakeCluster.shared().clear();
        rendered = AssayChart.render();
    }

    @Test
    void rendersTheWholeInstallation() {
        assertThat(rendered.names())
                .contains(
                        "Deployment assay/assay-api",
                        "Service assay/assay-api",
                        "ServiceAccount assay/assay-api",
                        "Deployment assay/assay-operator",
                        "ServiceAccount assay/assay-operator",
                        "ServiceAccount assay/assay-runner",
                        "Deployment assay/assay-redis",
                        "Service assay/assay-redis",
                        "Secret assay/assay-redis",
                        "Deployment assay/assay-minio",
                        "Service assay/assay-minio",
                        "Secret assay/assay-minio",
                        "Secret assay/assay-runtime",
                        "NetworkPolicy assay/assay-redis",
                        "NetworkPolicy assay/assay-minio");
        // Nothing optional unless asked for.
        assertThat(rendered.ofKind("Ingress")).isEmpty();
        assertThat(rendered.ofKind("PersistentVolumeClaim")).isEmpty();
    }

    @Test
    void everyObjectIsAWellFormedNamespacedResource() {
        assertThat(rendered.objects()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.path("apiVersion").asText()).as("apiVersion of %s", o).isNotBlank();
            assertThat(o.path("kind").asText()).isNotBlank();
            assertThat(o.path("metadata").path("name").asText()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
            // Nothing cluster-wide by default but the admission webhook's registration (which Kubernetes only has
            // cluster-wide, named after the release's namespace), and every other object lands where the release is.
            assertThat(o.path("metadata").path("namespace").asText())
                    .isEqualTo(
                            o.path("kind").asText().equals("MutatingWebhookConfiguration") ? "" : AssayChart.NAMESPACE);
            assertThat(o.path("metadata")
                            .path("labels")
                            .path("app.kubernetes.io/instance")
                            .asText())
                    .isEqualTo("assay");
        });
        assertThat(rendered.ofKind("ClusterRole")).isEmpty();
        assertThat(rendered.ofKind("ClusterRoleBinding")).isEmpty();
    }

    @Test
    void everyPodRunsAsNonRootOnAReadOnlyRootWithAWritableTmp() {
        Map<String, JsonNode> pods = rendered.podTemplates();
        assertThat(pods.keySet())
                .containsExactlyInAnyOrder(
                        "Deployment/assay-api",
                        "Deployment/assay-operator",
                        "Deployment/assay-redis",
                        "Deployment/assay-minio",
                        "StatefulSet/assay-postgresql");
        pods.forEach((id, pod) -> {
            JsonNode podSecurity = pod.path("spec").path("securityContext");
            assertThat(podSecurity.path("runAsNonRoot").asBoolean()).as(id).isTrue();
            assertThat(podSecurity.path("runAsUser").asInt()).as(id).isEqualTo(65532);
            assertThat(podSecurity.path("seccompProfile").path("type").asText())
                    .as(id)
                    .isEqualTo("RuntimeDefault");
            Set<String> tmpVolumes = stream(pod.path("spec").path("volumes"))
                    .filter(v -> v.has("emptyDir"))
                    .map(v -> v.path("name").asText())
                    .collect(Collectors.toSet());
            assertThat(pod.path("spec").path("containers")).as(id).isNotEmpty().allSatisfy(c -> {
                JsonNode security = c.path("securityContext");
                assertThat(security.path("runAsNonRoot").asBoolean()).as(id).isTrue();
                assertThat(security.path("runAsUser").asInt()).as(id).isEqualTo(65532);
                assertThat(security.path("readOnlyRootFilesystem").asBoolean())
                        .as(id)
                        .isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true))
                        .as(id)
                        .isFalse();
                assertThat(texts(security.path("capabilities").path("drop")))
                        .as(id)
                        .containsExactly("ALL");
                assertThat(security.path("seccompProfile").path("type").asText())
                        .as(id)
                        .isEqualTo("RuntimeDefault");
                assertThat(stream(c.path("volumeMounts")))
                        .as("%s mounts an emptyDir at /tmp", id)
                        .anyMatch(m -> m.path("mountPath").asText().equals("/tmp")
                                && tmpVolumes.contains(m.path("name").asText()));
            });
        });
    }

    @Test
    void everyContainerHasRequestsAndLimitsForCpuAndMemory() {
        rendered.podTemplates()
                .forEach((id, pod) -> assertThat(pod.path("spec").path("containers"))
                        .allSatisfy(c -> {
                            for (String kind : List.of("requests", "limits")) {
                                for (String resource : List.of("cpu", "memory")) {
                                    assertThat(c.path("resources")
                                                    .path(kind)
                                                    .path(resource)
                                                    .asText())
                                            .as("%s %s.%s", id, kind, resource)
                                            .isNotBlank();
                                }
                            }
                        }));
    }

    @Test
    void apiIsProbedOnSpringsLivenessAndReadinessGroups() {
        JsonNode api =
                container(rendered.get("Deployment", "assay-api").path("spec").path("template"), "api");

        assertThat(stream(api.path("ports")))
                .anyMatch(p -> p.path("name").asText().equals("http")
                        && p.path("containerPort").asInt() == 8080);
        assertThat(api.path("livenessProbe").path("httpGet").path("path").asText())
                .isEqualTo("/actuator/health/liveness");
        assertThat(api.path("readinessProbe").path("httpGet").path("path").asText())
                .isEqualTo("/actuator/health/readiness");
        assertThat(api.path("livenessProbe").path("httpGet").path("port").asText())
                .isEqualTo("http");
        assertThat(api.path("readinessProbe").path("httpGet").path("port").asText())
                .isEqualTo("http");
    }

    @Test
    void operatorIsProbedOnItsHealthEndpointAndToldItsPort() {
        JsonNode operator = container(
                rendered.get("Deployment", "assay-operator").path("spec").path("template"), "operator");

        assertThat(stream(operator.path("ports")))
                .anyMatch(p -> p.path("name").asText().equals("health")
                        && p.path("containerPort").asInt() == 8081);
        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            assertThat(operator.path(probe).path("httpGet").path("path").asText())
                    .isEqualTo("/healthz");
            assertThat(operator.path(probe).path("httpGet").path("port").asText())
                    .isEqualTo("health");
        }
        assertThat(env(operator, "ASSAY_OPERATOR_HEALTH_PORT")).contains("8081");
    }

    @Test
    void apiCreatesResourcesForTheOperatorInsteadOfRunningTheEngineItself() {
        JsonNode api =
                container(rendered.get("Deployment", "assay-api").path("spec").path("template"), "api");

        assertThat(env(api, "ASSAY_EXECUTOR")).contains("kubernetes");
        assertThat(env(api, "ASSAY_KUBERNETES_NAMESPACE")).contains("assay");
        assertThat(env(api, "ASSAY_UPLOAD_MAX_SIZE")).contains("200MB");
        assertThat(env(api, "ASSAY_RUNNER_IMAGE")).contains("assay/runner:" + System.getProperty("assay.version"));
        assertThat(api.path("image").asText()).isEqualTo("assay/api:" + System.getProperty("assay.version"));
        // No language model configured: no key variable at all, so the api falls back to its built-in planner.
        assertThat(Rendered.envEntry(api, "ASSAY_ASSISTANT_GEMINI_API_KEY")).isEmpty();
        assertThat(Rendered.envEntry(api, "ASSAY_ASSISTANT_OPENAI_API_KEY")).isEmpty();
    }

    @Test
    void operatorIsToldWhatRunnerPodsNeedAndAllOfItExists() {
        JsonNode operator = container(
                rendered.get("Deployment", "assay-operator").path("spec").path("template"), "operator");

        assertThat(env(operator, "ASSAY_WATCH_NAMESPACES")).contains("assay");
        assertThat(env(operator, "ASSAY_RUNNER_IMAGE")).contains("assay/runner:" + System.getProperty("assay.version"));
        assertThat(operator.path("image").asText()).isEqualTo("assay/operator:" + System.getProperty("assay.version"));
        String serviceAccount = env(operator, "ASSAY_RUNNER_SERVICE_ACCOUNT").orElseThrow();
        String secret = env(operator, "ASSAY_RUNNER_SECRET").orElseThrow();
        assertThat(rendered.find("ServiceAccount", serviceAccount)).isPresent();
        assertThat(rendered.find("Secret", secret)).isPresent();
    }

    @Test
    void runnerServiceAccountHasNoTokenAndNoRights() {
        JsonNode runner = rendered.get("ServiceAccount", "assay-runner");

        assertThat(runner.path("automountServiceAccountToken").isBoolean()).isTrue();
        assertThat(runner.path("automountServiceAccountToken").asBoolean()).isFalse();
        assertThat(rendered.ofKind("RoleBinding"))
                .noneMatch(binding -> stream(binding.path("subjects"))
                        .anyMatch(s -> s.path("name").asText().equals("assay-runner")));
    }

    @Test
    void redisAndMinioDoNotGetAServiceAccountToken() {
        for (String store : List.of("assay-redis", "assay-minio")) {
            JsonNode pod = rendered.get("Deployment", store).path("spec").path("template");
            assertThat(pod.path("spec").path("automountServiceAccountToken").asBoolean(true))
                    .as(store)
                    .isFalse();
        }
    }

    @Test
    void operatorMayManageItsOwnResourcesJobsAndLeasesAndReadNoSecret() {
        Map<String, Set<String>> rules = new HashMap<>();
        for (String role : List.of("assay-operator", "assay-operator-leader-election")) {
            assertThat(boundTo(role)).as(role).contains("assay-operator");
            rules.putAll(verbsByResource(rendered.get("Role", role)));
        }

        assertThat(rules.get("assay.dev/datasetjobs")).contains("get", "list", "watch", "patch");
        assertThat(rules.get("assay.dev/assistantruns")).contains("get", "list", "watch", "patch");
        assertThat(rules.get("assay.dev/datasetjobs/status")).contains("patch", "update");
        assertThat(rules.get("assay.dev/assistantruns/status")).contains("patch", "update");
        assertThat(rules.get("batch/jobs")).contains("create", "get", "list", "watch");
        assertThat(rules.get("/pods")).containsExactlyInAnyOrder("get", "list", "watch");
        // Why a run failed comes from its pods' container states; the operator reads no log.
        assertThat(rules).doesNotContainKey("/pods/log");
        assertThat(rules.get("/events")).containsExactlyInAnyOrder("create", "patch");
        assertThat(rules.get("coordination.k8s.io/leases")).contains("get", "create", "update");
        // Each Job's access Secret (presigned URLs): create and delete, never get, list or watch.
        assertThat(rules.get("/secrets")).containsExactlyInAnyOrder("create", "delete");
        assertThat(rules.keySet()).noneMatch(r -> r.contains("*"));
        assertThat(rules.values()).noneMatch(verbs -> verbs.contains("*"));
    }

    @Test
    void apiMayOnlyCreateReadAndDeleteTheTwoKinds() {
        assertThat(boundTo("assay-api")).containsExactly("assay-api");
        // Deleting a dataset or run in the UI deletes its resources (a dataset's runs by label); without these verbs
        // the api was refused and the resources stayed behind.
        Set<String> verbs = Set.of("create", "get", "list", "watch", "delete", "deletecollection");
        assertThat(verbsByResource(rendered.get("Role", "assay-api")))
                .isEqualTo(Map.of("assay.dev/datasetjobs", verbs, "assay.dev/assistantruns", verbs));
    }

    @Test
    void redisAndMinioAdmitOnlyAssayPods() {
        Map<String, String> api =
                labels(rendered.get("Deployment", "assay-api").path("spec").path("template"));
        Map<String, String> operator =
                labels(rendered.get("Deployment", "assay-operator").path("spec").path("template"));
        // What the operator puts on runner pods (see charts/assay/README.md).
        Map<String, String> runner =
                Map.of("app.kubernetes.io/part-of", "assay", "app.kubernetes.io/component", "runner");
        Map<String, String> stranger = Map.of("app", "debug-shell");
        Map<String, String> minio =
                labels(rendered.get("Deployment", "assay-minio").path("spec").path("template"));

        for (var store : Map.of("redis", 6379, "minio", 9000).entrySet()) {
            JsonNode policy =
                    rendered.get("NetworkPolicy", "assay-" + store.getKey()).path("spec");
            Map<String, String> target = labels(rendered.get("Deployment", "assay-" + store.getKey())
                    .path("spec")
                    .path("template"));
            assertThat(selects(policy.path("podSelector"), target))
                    .as("%s policy applies to its pods", store.getKey())
                    .isTrue();
            assertThat(texts(policy.path("policyTypes"))).contains("Ingress");
            assertThat(policy.path("ingress")).hasSize(1);
            JsonNode rule = policy.path("ingress").get(0);
            assertThat(stream(rule.path("ports")).map(p -> p.path("port").asInt()))
                    .containsExactly(store.getValue());
            List<JsonNode> peers = stream(rule.path("from")).toList();
            assertThat(peers).allSatisfy(peer -> assertThat(peer.has("ipBlock")).isFalse());
            for (Map<String, String> allowed : List.of(api, operator, runner)) {
                assertThat(peers)
                        .as("%s admits %s", store.getKey(), allowed)
                        .anyMatch(peer -> !peer.has("namespaceSelector") && selects(peer.path("podSelector"), allowed));
            }
            for (Map<String, String> refused : List.of(stranger, minio)) {
                assertThat(peers)
                        .as("%s refuses %s", store.getKey(), refused)
                        .noneMatch(peer -> selects(peer.path("podSelector"), refused));
            }
        }
    }

    @Test
    void generatedCredentialsAreTheSameWhereverTheyAreUsed() {
        String redisPassword = secretValue("assay-redis", "redis-password");
        String minioUser = secretValue("assay-minio", "root-user");
        String minioPassword = secretValue("assay-minio", "root-password");
        JsonNode runtime = rendered.get("Secret", "assay-runtime").path("stringData");

        assertThat(redisPassword).hasSize(32).matches("[A-Za-z0-9]+");
        assertThat(minioPassword).hasSize(40);
        assertThat(runtime.path("ASSAY_REDIS_URL").asText())
                .isEqualTo("redis://:" + redisPassword + "@assay-redis.assay.svc:6379");
        assertThat(runtime.path("ASSAY_S3_ENDPOINT").asText()).isEqualTo("http://assay-minio.assay.svc:9000");
        assertThat(runtime.path("ASSAY_S3_BUCKET").asText()).isEqualTo("assay");
        assertThat(runtime.path("ASSAY_S3_ACCESS_KEY").asText()).isEqualTo(minioUser);
        assertThat(runtime.path("ASSAY_S3_SECRET_KEY").asText()).isEqualTo(minioPassword);
        for (String workload : List.of("assay-api", "assay-operator")) {
            JsonNode pod = rendered.get("Deployment", workload).path("spec").path("template");
            assertThat(stream(pod.path("spec").path("containers").get(0).path("envFrom")))
                    .as(workload)
                    .anyMatch(e -> e.path("secretRef").path("name").asText().equals("assay-runtime"));
        }
    }

    @Test
    void redisPasswordStaysOffTheCommandLine() {
        JsonNode redis =
                container(rendered.get("Deployment", "assay-redis").path("spec").path("template"), "redis");

        String password = secretValue("assay-redis", "redis-password");
        assertThat(redis.toString()).doesNotContain(password);
        // No shell either: the image's own redis-server entrypoint reads the configuration from the chart's Secret.
        assertThat(redis.has("command")).isFalse();
        assertThat(String.join(" ", texts(redis.path("args"))))
                .startsWith("/etc/redis/redis.conf")
                .contains("--appendonly no");
        assertThat(secretValue("assay-redis", "redis.conf")).startsWith("requirepass \"" + password + "\"\n");
        JsonNode pod = rendered.get("Deployment", "assay-redis")
                .path("spec")
                .path("template")
                .path("spec");
        assertThat(stream(pod.path("volumes")))
                .anyMatch(v -> v.path("secret").path("secretName").asText().equals("assay-redis"));
    }

    private String secretValue(String secret, String key) {
        String encoded = rendered.get("Secret", secret).path("data").path(key).asText();
        return new String(java.util.Base64.getDecoder().decode(encoded), java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<String> boundTo(String role) {
        return rendered.ofKind("RoleBinding").stream()
                .filter(b -> b.path("roleRef").path("name").asText().equals(role))
                .flatMap(b -> stream(b.path("subjects")))
                .map(s -> s.path("name").asText())
                .toList();
    }

    static Map<String, Set<String>> verbsByResource(JsonNode role) {
        Map<String, Set<String>> verbs = new HashMap<>();
        for (JsonNode rule : role.path("rules")) {
            for (String group : texts(rule.path("apiGroups"))) {
                for (String resource : texts(rule.path("resources"))) {
                    String key = (group.equals("events.k8s.io") ? "" : group) + "/" + resource;
                    verbs.computeIfAbsent(key, k -> new java.util.TreeSet<>()).addAll(texts(rule.path("verbs")));
                }
            }
        }
        return verbs;
    }
}
