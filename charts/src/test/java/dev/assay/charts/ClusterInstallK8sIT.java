package dev.assay.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The whole product inside a cluster, as a platform engineer installs it: the chart installed with helm-java into
 * the workplace's Kubernetes 1.20 node (kube-proxy, cluster DNS, images imported into the node), the api in the
 * Kubernetes executor mode, the operator with its own ServiceAccount and RBAC, Redis from the local image, and an
 * S3-compatible store in the cluster (assay/s3proxy, built by scripts/build-images.sh) given to the chart as an
 * external store. Then the analyst's flow through the in-cluster api (its Service, through
 * {@code kubectl port-forward}), the samples with kubectl, {@code helm test}, an upgrade that rolls the pods, the
 * operator killed mid-run, and {@code helm uninstall}. Prints its timings. The metadata database is an external
 * PostgreSQL, as a managed database would be: the node cannot pull the official image, so the test runs one on the
 * host, listening on the pods' gateway address only.
 */
@EnabledIfSystemProperty(
        named = "assay.k8s.enabled",
        matches = "true",
        disabledReason = "needs the Kubernetes 1.20 binaries of shared/k8s: run with -Pk8s, as .ci/run does")
@EnabledIfEnvironmentVariable(
        named = "ASSAY_K8S_SCRIPTS",
        matches = ".+",
        disabledReason = "needs shared/k8s/cluster.sh to start a node (ASSAY_K8S_SCRIPTS, set by .ci/run)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterInstallK8sIT {

    private static final String NS = "assay";
    private static final String RELEASE = "assay";
    private static final Path SCRIPTS = Path.of(System.getenv().getOrDefault("ASSAY_K8S_SCRIPTS", "."));
    private static final Path HOME = Path.of(System.getenv().getOrDefault("ASSAY_K8S_HOME", "/var/cache/assay-k8s"));
    private static final Path ROOT = AssayChart.repoRoot();
    private static final Path KUBECONFIG = HOME.resolve("kubeconfig");
    private static final Path LOG = ROOT.resolve("charts/target/cluster-it.log");
    private static final String VERSION = System.getProperty("assay.version", "0.1.0-SNAPSHOT");
    /** Port of `kubectl port-forward service/assay-api` on 127.0.0.1 (the workplace gives this test 18300-18399). */
    private static final int API_PORT = 18380;

    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResourceDefinitionContext DATASET_JOBS = new ResourceDefinitionContext.Builder()
            .withGroup("assay.dev")
            .withVersion("v1alpha1")
            .withPlural("datasetjobs")
            .withNamespaced(true)
            .build();
    private static final ResourceDefinitionContext ASSISTANT_RUNS = new ResourceDefinitionContext.Builder()
            .withGroup("assay.dev")
            .withVersion("v1alpha1")
            .withPlural("assistantruns")
            .withNamespaced(true)
            .build();
    private static final String S3_ACCESS = "assay-e2e";
    private static final String S3_SECRET = "assay-e2e-" + UUID.randomUUID();

    private static final Map<String, Duration> TIMINGS = new LinkedHashMap<>();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static KubernetesClient client;
    private static Process portForward;
    private static EmbeddedPostgres database;
    private static String jobId;
    private static String runId;

    @BeforeAll
    static void installTheChart() throws Exception {
        Map<String, Path> images = new LinkedHashMap<>();
        for (String module : List.of("runner-image", "api", "operator", "charts")) {
            Path tar = ROOT.resolve(module + "/target/jib-image.tar");
            assertThat(tar)
                    .as("image of %s (scripts/build-images.sh; .ci/run builds it)", module)
                    .isRegularFile();
            images.put(module, tar);
        }
        Files.createDirectories(LOG.getParent());
        long start = System.nanoTime();
        script(Map.of(), "cluster.sh", "stop");
        script(Map.of("WITH_NODE", "1"), "cluster.sh", "start");
        Path redisTar = HOME.resolve("images/redis.tar");
        Path busyboxTar = HOME.resolve("images/busybox.tar");
        script(Map.of(), "make-redis-image.sh", redisTar.toString());
        script(Map.of(), "make-busybox-image.sh", busyboxTar.toString());
        for (Path tar : List.of(
                images.get("runner-image"),
                images.get("api"),
                images.get("operator"),
                images.get("charts"),
                redisTar,
                busyboxTar)) {
            script(Map.of(), "import-image.sh", tar.toString());
        }
        client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(KUBECONFIG)))
                .build();
        await().atMost(Duration.ofMinutes(2))
                .until(() -> client.nodes().list().getItems().stream()
                        .anyMatch(node -> node.getStatus().getConditions().stream()
                                .anyMatch(c -> c.getType().equals("Ready")
                                        && c.getStatus().equals("True"))));
        TIMINGS.put("cluster start with node + 6 images imported", since(start));

        kubectl("create", "namespace", NS);
        // Kubernetes 1.20 does not label namespaces with their name; the chart's NetworkPolicies select by it.
        kubectl("label", "namespace", NS, "kubernetes.io/metadata.name=" + NS);
        startS3();
        startDatabase();

        long install = System.nanoTime();
        Release release = new Helm(AssayChart.chartDir())
                .install()
                .withName(RELEASE)
                .withNamespace(NS)
                .withKubeConfig(KUBECONFIG)
                .withValuesFile(AssayChart.valuesFile("local-cluster.yaml"))
                .set("postgresql.external.url", databaseUrl())
                .set("postgresql.external.port", String.valueOf(database.getPort()))
                .withTimeout(300)
                .call();
        System.out.println("helm install: " + release.getStatus() + "\n" + release.getOutput());
        assertThat(release.getStatus()).isEqualTo("deployed");
        awaitPodsReady(Set.of());
        TIMINGS.put("helm install -> all pods Ready", since(install));
        System.out.println(kubectl("get", "pods,services,deployments", "-n", NS, "-o", "wide"));
        openApi();
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        System.out.println("timings:");
        TIMINGS.forEach((step, took) -> System.out.printf("  %-55s %6.1f s%n", step, took.toMillis() / 1000.0));
        closeApi();
        if (client != null) {
            client.close();
        }
        script(Map.of(), "cluster.sh", "stop");
        if (database != null) {
            database.close();
        }
    }

    /** The pods' default gateway, the host's end of the node's bridge (shared/k8s/README.md). */
    private static final String POD_GATEWAY = "10.244.0.1";

    /**
     * A PostgreSQL on the host for the release's metadata, reachable from pods at the bridge address only: trust
     * authentication is allowed for the pod network and nothing else listens outside the loopback.
     */
    private static void startDatabase() throws Exception {
        database = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1," + POD_GATEWAY)
                .setDataDirectoryCustomizer(dir -> {
                    try {
                        Files.writeString(
                                dir.toPath().resolve("pg_hba.conf"),
                                "\nhost all all 10.244.0.0/24 trust\n",
                                StandardOpenOption.APPEND);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .start();
    }

    private static String databaseUrl() {
        return "jdbc:postgresql://" + POD_GATEWAY + ":" + database.getPort() + "/postgres";
    }

    @Test
    @Order(1)
    void theAnalystsFlowThroughTheInClusterApi() throws Exception {
        byte[] titanic = Files.readAllBytes(ROOT.resolve("examples/datasets/titanic.csv"));
        long upload = System.nanoTime();
        JsonNode accepted = upload("titanic.csv", titanic);
        jobId = accepted.path("job_id").asText();
        JsonNode job = awaitJob(jobId);
        TIMINGS.put("upload -> profile done (DatasetJob, runner pod)", since(upload));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.path("summary").path("rows").asLong()).isEqualTo(891);
        GenericKubernetesResource datasetJob = client.genericKubernetesResources(DATASET_JOBS)
                .inNamespace(NS)
                .withName(jobId)
                .get();
        assertThat(datasetJob)
                .as("the api created a DatasetJob named after the upload")
                .isNotNull();
        // The api reads the runner's own status record; the operator mirrors it into the resource on its next look.
        awaitPhase(DATASET_JOBS, jobId, "Succeeded");
        assertThat(get(job.path("report_url").asText()).body()).contains("Survived");

        JsonNode plan = post(
                "/api/v1/assistant",
                Map.of(
                        "job_id",
                        jobId,
                        "prompt",
                        "Fill missing values and train a classifier on Survived",
                        "consent_send_sample",
                        false,
                        "sample_size",
                        0));
        assertThat(plan.path("actions").size()).as(plan.toString()).isPositive();
        System.out.println("the assistant proposes: " + plan.path("explanation").asText());
        long apply = System.nanoTime();
        runId = post(
                        "/api/v1/assistant/apply",
                        Map.of("job_id", jobId, "actions", plan.path("actions"), "run_name", "in-cluster"))
                .path("run_id")
                .asText();
        JsonNode run = awaitRun(jobId, runId);
        TIMINGS.put("apply -> run done (AssistantRun, runner pod)", since(apply));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
        awaitPhase(ASSISTANT_RUNS, runId, "Succeeded");

        JsonNode latest = getJson("/api/v1/jobs/" + jobId + "/status").path("ai_result");
        assertThat(latest.path("run_id").asText()).isEqualTo(runId);
        assertThat(latest.path("result").path("model").path("target").asText()).isEqualTo("Survived");
        assertThat(get(latest.path("report_url").asText()).body()).contains("Survived");
        String cleaned = get(latest.path("cleaned_csv_url").asText()).body();
        assertThat(cleaned.lines().count())
                .as("header and rows of the cleaned CSV")
                .isGreaterThan(800);
        assertThat(cleaned.lines().findFirst().orElseThrow()).contains("Survived");

        // Deleting a dataset in the UI deletes its DatasetJob too: the api's Role must allow it, or the resource
        // stays behind with only a warning in the api's log.
        String doomed = upload("iris.csv", Files.readAllBytes(ROOT.resolve("examples/datasets/iris.csv")))
                .path("job_id")
                .asText();
        assertThat(awaitJob(doomed).path("status").asText()).isEqualTo("done");
        HttpResponse<String> deleted = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + API_PORT + "/api/v1/jobs/" + doomed))
                        .timeout(Duration.ofSeconds(30))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        await("the deleted dataset's DatasetJob is gone")
                .atMost(Duration.ofSeconds(60))
                .until(() -> client.genericKubernetesResources(DATASET_JOBS)
                                .inNamespace(NS)
                                .withName(doomed)
                                .get()
                        == null);

        System.out.println("$ kubectl get assay -n " + NS + "\n" + kubectl("get", "assay", "-n", NS));
        System.out.println(
                "$ kubectl describe datasetjob " + jobId + "\n" + kubectl("describe", "datasetjob", jobId, "-n", NS));
        System.out.println("$ kubectl describe assistantrun " + runId + "\n"
                + kubectl("describe", "assistantrun", runId, "-n", NS));
    }

    /**
     * The browser scripts of ui/e2e against the in-cluster api, when asked for with -Dassay.e2e.shots=FOLDER (they need
     * ui/node_modules and Chromium; CI leaves them to BrowserEndToEndIT against a local api).
     */
    @Test
    @Order(2)
    void theBrowserScriptsAgainstTheInClusterApiWhenAsked() throws Exception {
        String shots = System.getProperty("assay.e2e.shots", "");
        org.junit.jupiter.api.Assumptions.assumeFalse(shots.isBlank(), "-Dassay.e2e.shots=FOLDER runs them");
        for (String script : List.of("e2e.mjs", "conversation.mjs")) {
            long start = System.nanoTime();
            Path folder = Path.of(shots, script.replace(".mjs", ""));
            ProcessBuilder browser = new ProcessBuilder(
                            "node", ROOT.resolve("ui/e2e/" + script).toString(), "http://127.0.0.1:" + API_PORT)
                    .redirectErrorStream(true);
            browser.environment().put("ASSAY_SCREENSHOTS", folder.toString());
            Process process = browser.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
            System.out.println(script + " against the in-cluster api:\n" + out);
            assertThat(process.exitValue()).as(out).isZero();
            TIMINGS.put("browser " + script + " (in-cluster api)", since(start));
            System.out.println("screenshots: " + folder + " "
                    + java.util.Arrays.toString(folder.toFile().list()));
        }
    }

    @Test
    @Order(3)
    void theSamplesAppliedWithKubectlRunInTheSameInstall() throws Exception {
        // The samples read samples/titanic.csv of the namespace from the object store: put it there as `mc cp` would.
        String s3 = "http://"
                + client.services()
                        .inNamespace(NS)
                        .withName("assay-s3")
                        .get()
                        .getSpec()
                        .getClusterIP() + ":8080";
        MinioClient minio = MinioClient.builder()
                .endpoint(s3)
                .credentials(S3_ACCESS, S3_SECRET)
                .build();
        Path titanic = ROOT.resolve("examples/datasets/titanic.csv");
        try (var in = Files.newInputStream(titanic)) {
            minio.putObject(PutObjectArgs.builder().bucket("assay").object(NS + "/samples/titanic.csv").stream(
                            in, Files.size(titanic), null)
                    .contentType("text/csv")
                    .build());
        }
        System.out.println(
                kubectl("apply", "-n", NS, "-f", ROOT.resolve("k8s/samples").toString()));

        awaitPhase(DATASET_JOBS, "titanic", "Succeeded");
        awaitPhase(ASSISTANT_RUNS, "titanic-survival", "Succeeded");
        System.out.println("$ kubectl get assay -n " + NS + "\n" + kubectl("get", "assay", "-n", NS));
        System.out.println("$ kubectl describe assistantrun titanic-survival\n"
                + kubectl("describe", "assistantrun", "titanic-survival", "-n", NS));
    }

    @Test
    @Order(4)
    void helmTestAsksTheApiThroughItsService() {
        long start = System.nanoTime();
        Release tested = Helm.test(RELEASE)
                .withNamespace(NS)
                .withKubeConfig(KUBECONFIG)
                .withTimeout(180)
                .call();
        TIMINGS.put("helm test", since(start));
        System.out.println("helm test: " + tested.getStatus() + "\n" + tested.getOutput());
        // A failed test pod makes call() throw; the pod is deleted once it succeeded (hook-delete-policy).
        assertThat(tested.getStatus()).isEqualTo("deployed");
    }

    @Test
    @Order(5)
    void anUpgradeThatChangesAValueRollsThePodsAndKeepsTheFinishedDataset() throws Exception {
        Set<String> before = podNames();
        long start = System.nanoTime();
        Release upgraded = new Helm(AssayChart.chartDir())
                .upgrade()
                .withName(RELEASE)
                .withNamespace(NS)
                .withKubeConfig(KUBECONFIG)
                .withValuesFile(AssayChart.valuesFile("local-cluster.yaml"))
                .set("postgresql.external.url", databaseUrl())
                .set("postgresql.external.port", String.valueOf(database.getPort()))
                .set("api.uploadMaxSize", "100MB")
                .set("operator.podAnnotations.rolled", "upgrade-1")
                .withTimeout(300)
                .call();
        assertThat(upgraded.getStatus()).isEqualTo("deployed");
        assertThat(upgraded.getRevision()).isEqualTo("2");
        Set<String> rolled = awaitPodsReady(Set.of("api", "operator"), before);
        TIMINGS.put("helm upgrade -> rolled pods Ready", since(start));
        System.out.println("rolled: " + rolled);
        assertThat(rolled)
                .as("the api and the operator were replaced")
                .anyMatch(p -> p.startsWith("assay-api-"))
                .anyMatch(p -> p.startsWith("assay-operator-"));

        closeApi();
        openApi();
        JsonNode job = getJson("/api/v1/jobs/" + jobId + "/status");
        assertThat(job.path("status").asText())
                .as("the dataset profiled before the upgrade")
                .isEqualTo("done");
        assertThat(job.path("ai_result").path("run_id").asText()).isEqualTo(runId);
        assertThat(get(job.path("ai_result").path("cleaned_csv_url").asText()).statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(6)
    void theOperatorKilledMidRunLeavesTheRunEndingOnceWithOneJob() throws Exception {
        JsonNode plan = post(
                "/api/v1/assistant",
                Map.of(
                        "job_id",
                        jobId,
                        "prompt",
                        "Fill missing values and train a classifier on Survived",
                        "consent_send_sample",
                        false,
                        "sample_size",
                        0));
        String second = post(
                        "/api/v1/assistant/apply",
                        Map.of("job_id", jobId, "actions", plan.path("actions"), "run_name", "operator-killed"))
                .path("run_id")
                .asText();
        // Mid-run: the runner container runs (the operator has seen it and said so in the resource).
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            GenericKubernetesResource now = client.genericKubernetesResources(ASSISTANT_RUNS)
                    .inNamespace(NS)
                    .withName(second)
                    .get();
            return now != null && status(now).path("phase").asText().equals("Running");
        });
        // The operator that works now (the one the upgrade replaced may still be shutting down).
        List<Pod> operators =
                client
                        .pods()
                        .inNamespace(NS)
                        .withLabel("app.kubernetes.io/component", "operator")
                        .list()
                        .getItems()
                        .stream()
                        .filter(p -> p.getMetadata().getDeletionTimestamp() == null && ready(p))
                        .toList();
        assertThat(operators).hasSize(1);
        String killed = operators.get(0).getMetadata().getName();
        System.out.println("deleting the operator pod " + killed + " while run " + second + " is "
                + status(client.genericKubernetesResources(ASSISTANT_RUNS)
                                .inNamespace(NS)
                                .withName(second)
                                .get())
                        .path("phase")
                        .asText());
        client.pods().inNamespace(NS).withName(killed).withGracePeriod(0).delete();

        JsonNode run = awaitRun(jobId, second);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
        awaitPhase(ASSISTANT_RUNS, second, "Succeeded");
        List<Job> jobs = client.batch()
                .v1()
                .jobs()
                .inNamespace(NS)
                .withLabel("assay.dev/assistant-run", second)
                .list()
                .getItems();
        assertThat(jobs).as("one Job for the run").hasSize(1);
        assertThat(client.pods()
                        .inNamespace(NS)
                        .withLabel("job-name", jobs.get(0).getMetadata().getName())
                        .list()
                        .getItems())
                .as("one runner pod")
                .hasSize(1);
        assertThat(client.pods()
                        .inNamespace(NS)
                        .withLabel("app.kubernetes.io/component", "operator")
                        .list()
                        .getItems())
                .extracting(p -> p.getMetadata().getName())
                .doesNotContain(killed);
        System.out.println("$ kubectl describe assistantrun " + second + "\n"
                + kubectl("describe", "assistantrun", second, "-n", NS));
    }

    @Test
    @Order(7)
    void helmUninstallLeavesNoPodsJobsOrServicesAndKeepsTheCrds() throws Exception {
        closeApi();
        long start = System.nanoTime();
        String out = Helm.uninstall(RELEASE)
                .withNamespace(NS)
                .withKubeConfig(KUBECONFIG)
                .call();
        System.out.println("helm uninstall: " + out);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> leftBehind().isEmpty());
        TIMINGS.put("helm uninstall -> nothing left", since(start));
        assertThat(leftBehind()).isEmpty();
        assertThat(client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName("datasetjobs.assay.dev")
                        .get())
                .isNotNull();
        assertThat(client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName("assistantruns.assay.dev")
                        .get())
                .isNotNull();
        System.out.println("after helm uninstall:\n" + kubectl("get", "all,assay", "-n", NS));
    }

    // --- the release's pods, the S3 store, the api

    /** Pods, Jobs and Services of the release and of its runs; the test's own S3 store is not the release's. */
    private static List<String> leftBehind() {
        List<String> left = new ArrayList<>();
        client.pods().inNamespace(NS).list().getItems().stream()
                .map(p -> p.getMetadata().getName())
                .filter(n -> !n.startsWith("assay-s3-"))
                .forEach(n -> left.add("pod/" + n));
        client.batch()
                .v1()
                .jobs()
                .inNamespace(NS)
                .list()
                .getItems()
                .forEach(j -> left.add("job/" + j.getMetadata().getName()));
        client.services().inNamespace(NS).list().getItems().stream()
                .map(s -> s.getMetadata().getName())
                .filter(n -> !n.equals("assay-s3"))
                .forEach(n -> left.add("service/" + n));
        return left;
    }

    private static Set<String> podNames() {
        return client.pods().inNamespace(NS).withLabel("app.kubernetes.io/instance", RELEASE).list().getItems().stream()
                .map(p -> p.getMetadata().getName())
                .collect(Collectors.toSet());
    }

    /** Waits until every Deployment of the release has all its pods Ready; returns the new pods of the given components. */
    private static Set<String> awaitPodsReady(Set<String> components, Set<String> before) {
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var deployments = client.apps()
                    .deployments()
                    .inNamespace(NS)
                    .withLabel("app.kubernetes.io/instance", RELEASE)
                    .list()
                    .getItems();
            boolean rolledOut = !deployments.isEmpty()
                    && deployments.stream()
                            .allMatch(d -> d.getStatus() != null
                                    && d.getStatus().getObservedGeneration() != null
                                    && d.getStatus().getObservedGeneration()
                                            >= d.getMetadata().getGeneration()
                                    && java.util.Objects.equals(
                                            d.getStatus().getUpdatedReplicas(),
                                            d.getSpec().getReplicas())
                                    && java.util.Objects.equals(
                                            d.getStatus().getReadyReplicas(),
                                            d.getSpec().getReplicas())
                                    && java.util.Objects.equals(
                                            d.getStatus().getReplicas(),
                                            d.getSpec().getReplicas()));
            return rolledOut
                    && client
                            .pods()
                            .inNamespace(NS)
                            .withLabel("app.kubernetes.io/instance", RELEASE)
                            .list()
                            .getItems()
                            .stream()
                            .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                            // Pods that ran to their end (the helm test pod) are not part of the running release.
                            .filter(p -> !Set.of("Succeeded", "Failed")
                                    .contains(p.getStatus().getPhase()))
                            .allMatch(ClusterInstallK8sIT::ready);
        });
        return client.pods().inNamespace(NS).withLabel("app.kubernetes.io/instance", RELEASE).list().getItems().stream()
                .filter(p -> components.contains(p.getMetadata().getLabels().get("app.kubernetes.io/component")))
                .map(p -> p.getMetadata().getName())
                .filter(n -> !before.contains(n))
                .collect(Collectors.toSet());
    }

    private static void awaitPodsReady(Set<String> before) {
        awaitPodsReady(Set.of(), before);
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null
                && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c ->
                                c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    /** The S3 store the chart is given as "external": s3proxy in memory, its keys in a Secret of the namespace. */
    private static void startS3() throws Exception {
        Path manifest = ROOT.resolve("charts/target/cluster-it-s3.yaml");
        Files.writeString(manifest, """
                apiVersion: v1
                kind: Secret
                metadata: {name: assay-s3-keys}
                stringData: {access-key: "%1$s", secret-key: "%2$s"}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: assay-s3-config}
                stringData:
                  s3proxy.conf: |
                    s3proxy.endpoint=http://0.0.0.0:8080
                    s3proxy.authorization=aws-v2-or-v4
                    s3proxy.identity=%1$s
                    s3proxy.credential=%2$s
                    jclouds.provider=transient-nio2
                    jclouds.identity=unused
                    jclouds.credential=unused
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: assay-s3, labels: {app: assay-s3}}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: assay-s3}}
                  template:
                    metadata: {labels: {app: assay-s3}}
                    spec:
                      automountServiceAccountToken: false
                      securityContext: {runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, fsGroup: 65532}
                      containers:
                        - name: s3proxy
                          image: assay/s3proxy:%3$s
                          imagePullPolicy: Never
                          securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
                          ports: [{name: s3, containerPort: 8080}]
                          readinessProbe: {tcpSocket: {port: s3}, periodSeconds: 2}
                          resources: {requests: {cpu: 50m, memory: 128Mi}, limits: {memory: 512Mi}}
                          volumeMounts:
                            - {name: config, mountPath: /etc/s3proxy, readOnly: true}
                            - {name: tmp, mountPath: /tmp}
                      volumes:
                        - {name: config, secret: {secretName: assay-s3-config}}
                        - {name: tmp, emptyDir: {}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: assay-s3}
                spec:
                  selector: {app: assay-s3}
                  ports: [{name: s3, port: 8080, targetPort: s3}]
                """.formatted(S3_ACCESS, S3_SECRET, VERSION));
        kubectl("apply", "-n", NS, "-f", manifest.toString());
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> client.pods().inNamespace(NS).withLabel("app", "assay-s3").list().getItems().stream()
                        .anyMatch(ClusterInstallK8sIT::ready));
    }

    /** `kubectl port-forward service/assay-api`, as NOTES.txt tells a user, on 127.0.0.1:API_PORT. */
    private static void openApi() throws Exception {
        portForward = new ProcessBuilder(
                        "kubectl",
                        "--kubeconfig",
                        KUBECONFIG.toString(),
                        "-n",
                        NS,
                        "port-forward",
                        "--address",
                        "127.0.0.1",
                        "service/assay-api",
                        API_PORT + ":80")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                .start();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> get("/actuator/health/readiness").statusCode() == 200);
    }

    private static void closeApi() throws InterruptedException {
        if (portForward != null) {
            portForward.destroy();
            portForward.waitFor(10, TimeUnit.SECONDS);
            portForward = null;
        }
    }

    // --- HTTP to the api

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + API_PORT + path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> answer = get(path);
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static JsonNode post(String path, Map<String, ?> body) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + API_PORT + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("POST %s: %s", path, answer.body()).isBetween(200, 202);
        return JSON.readTree(answer.body());
    }

    private static JsonNode upload(String name, byte[] content) throws Exception {
        String boundary = "----assay" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + API_PORT + "/api/v1/upload"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("upload: %s", answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body());
    }

    private static JsonNode awaitJob(String id) {
        return awaitFinished("/api/v1/jobs/" + id + "/status");
    }

    private static JsonNode awaitRun(String job, String run) {
        return awaitFinished("/api/v1/jobs/" + job + "/runs/" + run);
    }

    private static JsonNode awaitFinished(String path) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> {
                    last[0] = getJson(path);
                    String state = last[0].path("status").asText();
                    return state.equals("done") || state.equals("failed");
                });
        return last[0];
    }

    // --- Kubernetes

    private static JsonNode status(GenericKubernetesResource resource) {
        return JSON.valueToTree(resource.getAdditionalProperties().getOrDefault("status", Map.of()));
    }

    private static void awaitPhase(ResourceDefinitionContext kind, String name, String phase) {
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            GenericKubernetesResource resource = client.genericKubernetesResources(kind)
                    .inNamespace(NS)
                    .withName(name)
                    .get();
            String now = resource == null ? "" : status(resource).path("phase").asText();
            assertThat(now)
                    .as("%s %s: %s", kind.getPlural(), name, resource == null ? "" : status(resource))
                    .isNotEqualTo("Failed");
            return now.equals(phase);
        });
    }

    private static String kubectl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", KUBECONFIG.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as("kubectl %s: %s", String.join(" ", args), out)
                .isZero();
        return out;
    }

    private static void script(Map<String, String> env, String script, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("bash", SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(LOG.toString())));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(script + " " + String.join(" ", args) + " failed; see " + LOG);
        }
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
