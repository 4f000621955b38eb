package dev.assay.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.common.Phase;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.crd.datasetjob.DatasetJobSpec;
import dev.assay.model.protocol.TaskScope;
import dev.assay.operator.health.OperatorMetrics;
import dev.assay.operator.jobs.ArtifactPresigner;
import dev.assay.operator.jobs.OperatorSettings;
import dev.assay.operator.results.RunnerResults;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.S3ArtifactStore;
import dev.assay.runner.storage.S3Settings;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.io.File;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * The whole path on a real node: the workplace's Kubernetes 1.20 with containerd and kubelet, the runner image
 * built by Jib and imported, Redis and an S3 server (s3proxy) on the host's address where the pod can reach them.
 * A DatasetJob for Titanic and an AssistantRun with the seed's plan run as real pods, and their results reach
 * the custom resources' status.
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
class RunnerOnNodeK8sIT {

    private static final String NS = "node-it";
    /** A second team with the same resource names and other files. */
    private static final String NS_B = "node-it-b";

    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final Path SCRIPTS = Path.of(System.getenv().getOrDefault("ASSAY_K8S_SCRIPTS", "."));
    private static final Path HOME = Path.of(System.getenv().getOrDefault("ASSAY_K8S_HOME", "/var/cache/assay-k8s"));
    private static final Path ROOT = Path.of(System.getProperty("assay.repo.root", ".."));

    private static KubernetesClient client;
    private static Process redis;
    private static S3Proxy s3;
    private static Operator operator;
    private static ArtifactStore store;
    private static String redisKeys;

    @BeforeAll
    static void startNode() throws Exception {
        Path image = ROOT.resolve("runner-image/target/jib-image.tar");
        assertThat(image)
                .as("the runner image (scripts/build-images.sh; .ci/run builds it)")
                .isRegularFile();
        run(Map.of(), "cluster.sh", "stop");
        run(Map.of("WITH_NODE", "1"), "cluster.sh", "start");
        run(Map.of(), "import-image.sh", image.toAbsolutePath().toString());
        client = OperatorMain.client(Config.fromKubeconfig(Files.readString(HOME.resolve("kubeconfig"))));
        RealApiServer.installCrds(client);
        await().atMost(Duration.ofMinutes(2))
                .until(() -> client.nodes().list().getItems().stream().anyMatch(RunnerOnNodeK8sIT::ready));
        for (String ns : List.of(NS, NS_B)) {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(ns)
                            .endMetadata()
                            .build())
                    .create();
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> client.serviceAccounts()
                                    .inNamespace(ns)
                                    .withName("default")
                                    .get()
                            != null);
        }
        String host = bridgeAddress();

        // Services the pods reach at the host's end of their bridge: the node has no DNS, no kube-proxy and no
        // default route, so this is the one host address a pod can reach.
        int redisPort = 6391;
        redis = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        String.valueOf(redisPort),
                        "--bind",
                        host,
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--protected-mode",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(
                        ROOT.resolve("operator/target/node-it-redis.log").toFile())
                .start();
        s3 = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://" + host + ":0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "assay-node", "assay-node-secret")
                .build();
        s3.start();
        while (!s3.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
        String redisUrl = "redis://" + host + ":" + redisPort;
        redisKeys = redisUrl;
        S3Settings s3Settings =
                new S3Settings("http://" + host + ":" + s3.getPort(), "assay", "assay-node", "assay-node-secret", null);
        store = S3ArtifactStore.connect(s3Settings);
        // Each namespace's keys start with the namespace (TaskScope): the same key in two teams is two objects.
        store.put(
                TaskScope.namespace(NS).artifactKey("samples/titanic.csv"),
                ROOT.resolve("examples/datasets/titanic.csv"),
                "text/csv");
        Path other = ROOT.resolve("operator/target/node-it-b.csv");
        Files.writeString(other, "city,population\nLyon,522000\nNantes,320000\nLille,236000\n");
        store.put(TaskScope.namespace(NS_B).artifactKey("samples/titanic.csv"), other, "text/csv");

        // As the chart does: each namespace's runner Secret holds only a Redis user limited to that namespace's keys
        // (TaskScope.redisAclRules); the object store reaches a pod only as its Job's presigned URLs.
        try (RedisClient admin = RedisClient.builder().fromURI(redisUrl).build()) {
            for (String ns : List.of(NS, NS_B)) {
                List<String> acl =
                        new java.util.ArrayList<>(List.of("ACL", "SETUSER", "runner-" + ns, "on", ">pw-" + ns));
                acl.addAll(
                        List.of(TaskScope.namespace(ns).redisAclRules("assay:").split(" ")));
                admin.sendCommand(
                        Protocol.Command.ACL, acl.subList(1, acl.size()).toArray(String[]::new));
            }
        }
        for (String ns : List.of(NS, NS_B)) {
            client.serviceAccounts()
                    .inNamespace(ns)
                    .resource(new ServiceAccountBuilder()
                            .withNewMetadata()
                            .withName("assay-runner")
                            .endMetadata()
                            .withAutomountServiceAccountToken(false)
                            .build())
                    .create();
            client.secrets()
                    .inNamespace(ns)
                    .resource(new SecretBuilder()
                            .withNewMetadata()
                            .withName("assay-runtime")
                            .endMetadata()
                            .withStringData(Map.of("ASSAY_REDIS_URL", runnerRedisUrl(ns)))
                            .build())
                    .create();
        }

        OperatorSettings defaults = OperatorSettings.fromEnvironment(Map.of());
        OperatorSettings settings = new OperatorSettings(
                "assay/runner:" + System.getProperty("assay.version", "0.1.0-SNAPSHOT"),
                Optional.of("assay-runner"),
                Optional.of("assay-runtime"),
                Set.of(NS, NS_B),
                Optional.of(redisUrl),
                "assay:",
                NS,
                0,
                false,
                defaults.defaults(),
                Optional.of(new ArtifactPresigner.ObjectStore(
                        s3Settings.endpoint(), "assay", "assay-node", "assay-node-secret", null)));
        operator = OperatorMain.create(
                client, settings, RunnerResults.redis(Optional.of(redisUrl), "assay:"), new OperatorMetrics(), true);
        operator.start();
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (operator != null) {
            operator.stop();
        }
        if (client != null) {
            client.close();
        }
        if (s3 != null) {
            s3.stop();
        }
        if (redis != null) {
            redis.destroy();
        }
        run(Map.of(), "cluster.sh", "stop");
    }

    @Test
    @Order(1)
    void aDatasetJobProfilesTitanicInARealPod() {
        client.resource(Resources.datasetJob(NS, "titanic", "samples/titanic.csv"))
                .create();

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            DatasetJob job = client.resources(DatasetJob.class)
                    .inNamespace(NS)
                    .withName("titanic")
                    .get();
            return job.getStatus() != null
                    && job.getStatus().phase() != null
                    && job.getStatus().phase().finished();
        });
        DatasetJob done = client.resources(DatasetJob.class)
                .inNamespace(NS)
                .withName("titanic")
                .get();
        assertThat(done.getStatus().phase()).as(done.getStatus().toString()).isEqualTo(Phase.Succeeded);
        assertThat(done.getStatus().rows()).isEqualTo(891);
        assertThat(done.getStatus().columns()).isEqualTo(12);
        // kubectl logs of the runner: its stages, then one line with the result.
        String log = client.pods().inNamespace(NS).withLabel("job-name", "titanic-profile").list().getItems().stream()
                .map(pod -> client.pods()
                        .inNamespace(NS)
                        .withName(pod.getMetadata().getName())
                        .getLog())
                .findFirst()
                .orElseThrow();
        assertThat(log).contains("reading the upload").contains("saving the report");
        assertThat(log.lines()).contains("result: done profile titanic: 891 rows × 12 columns");
        System.out.println("kubectl logs of the runner:\n" + log);
    }

    @Test
    @Order(2)
    void anAssistantRunTrainsTheSeedModelInARealPod() {
        client.resource(Resources.assistantRun(NS, "seed", "titanic", Resources.SEED_PLAN))
                .create();

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            AssistantRun run = client.resources(AssistantRun.class)
                    .inNamespace(NS)
                    .withName("seed")
                    .get();
            return run.getStatus() != null
                    && run.getStatus().phase() != null
                    && run.getStatus().phase().finished();
        });
        AssistantRun done = client.resources(AssistantRun.class)
                .inNamespace(NS)
                .withName("seed")
                .get();
        assertThat(done.getStatus().phase()).as(done.getStatus().toString()).isEqualTo(Phase.Succeeded);
        assertThat(done.getStatus().actionsApplied()).isEqualTo(3);
        assertThat(done.getStatus().model().algorithm()).isEqualTo("random_forest");
        assertThat(done.getStatus().model().score())
                .isGreaterThan(done.getStatus().model().baseline());
        assertThat(done.getStatus().score()).startsWith("accuracy 0.");
        // The plan's semantic warnings reach the status, bounded, with the total.
        assertThat(done.getStatus().warningCount()).isNotNull();
        assertThat(done.getStatus().warnings())
                .hasSize(Math.min(
                        done.getStatus().warningCount(),
                        dev.assay.model.crd.assistantrun.AssistantRunStatus.MAX_WARNINGS));
        System.out.println("seed run: " + done.getStatus().warningCount() + " warning(s): "
                + done.getStatus().warnings());
    }

    @Test
    @Order(3)
    void twoNamespacesWithTheSameNamesAndDifferentFilesStayApart() throws Exception {
        client.resource(Resources.datasetJob(NS_B, "titanic", "samples/titanic.csv"))
                .create();

        DatasetJob b = finished(NS_B, "titanic");
        DatasetJob a = client.resources(DatasetJob.class)
                .inNamespace(NS)
                .withName("titanic")
                .get();

        assertThat(b.getStatus().phase()).as(b.getStatus().toString()).isEqualTo(Phase.Succeeded);
        assertThat(b.getStatus().rows()).isEqualTo(3);
        assertThat(b.getStatus().columns()).isEqualTo(2);
        assertThat(b.getStatus().artifacts().cleanedCsv()).isEqualTo(NS_B + "/titanic/cleaned.csv");
        assertThat(a.getStatus().rows()).as("team A's dataset is untouched").isEqualTo(891);
        assertThat(a.getStatus().artifacts().cleanedCsv()).isEqualTo(NS + "/titanic/cleaned.csv");
        try (var in = store.open(a.getStatus().artifacts().cleanedCsv()).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("PassengerId");
        }
        try (var in = store.open(b.getStatus().artifacts().cleanedCsv()).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("city,population");
        }
        try (RedisClient status = RedisClient.builder().fromURI(redisKeys).build()) {
            String recordA =
                    status.get(TaskScope.namespace(NS).statusKeys("assay:").task("titanic"));
            String recordB =
                    status.get(TaskScope.namespace(NS_B).statusKeys("assay:").task("titanic"));
            assertThat(recordA).contains("\"rows\":891");
            assertThat(recordB).contains("\"rows\":3");
            assertThat(status.get("assay:task:titanic")).as("no unscoped key").isNull();
        }
    }

    /**
     * Least privilege, checked on the pod that ran: no object-store credentials in its environment or in any Secret
     * it reads, only its Job's presigned URLs; those URLs, pointed at the other team's object, are refused by the
     * store (403), and its Redis user is refused the other team's status keys.
     */
    @Test
    @Order(4)
    void aRunnerPodHoldsNoStoreCredentialsAndReachesNoOtherNamespace() throws Exception {
        var pod = client.pods()
                .inNamespace(NS)
                .withLabel("job-name", "titanic-profile")
                .list()
                .getItems()
                .getFirst();
        var container = pod.getSpec().getContainers().getFirst();
        List<String> envNames =
                container.getEnv().stream().map(e -> e.getName()).toList();
        List<String> secretNames = new java.util.ArrayList<>();
        container
                .getEnvFrom()
                .forEach(from -> secretNames.add(from.getSecretRef().getName()));
        container.getEnv().stream()
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .forEach(e -> secretNames.add(e.getValueFrom().getSecretKeyRef().getName()));
        Map<String, String> seen = new java.util.TreeMap<>();
        for (String name : secretNames) {
            var secret = client.secrets().inNamespace(NS).withName(name).get();
            secret.getData()
                    .forEach((key, value) -> seen.put(
                            name + "/" + key,
                            new String(
                                    java.util.Base64.getDecoder().decode(value),
                                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        System.out.println("runner pod env: " + envNames + "; Secrets it reads: " + seen.keySet());

        assertThat(envNames)
                .contains("ASSAY_S3_ACCESS")
                .noneMatch(n -> n.startsWith("ASSAY_S3_") && !n.equals("ASSAY_S3_ACCESS"));
        assertThat(seen.keySet())
                .containsExactlyInAnyOrder("assay-runtime/ASSAY_REDIS_URL", "titanic-profile-access/access.json");
        assertThat(String.join("\n", seen.values()))
                .as("a URL carries a signature, never the secret key")
                .doesNotContain("assay-node-secret");
        var access = client.secrets()
                .inNamespace(NS)
                .withName("titanic-profile-access")
                .get();
        assertThat(access.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("DatasetJob"));

        dev.assay.model.protocol.RunnerAccess grant =
                dev.assay.model.protocol.RunnerAccess.fromJson(seen.get("titanic-profile-access/access.json"));
        assertThat(grant.read().keySet()).containsExactly("samples/titanic.csv");
        assertThat(grant.write().keySet())
                .containsExactly("titanic/cleaned.csv", "titanic/profile.json", "titanic/report.html");
        String mine = grant.read().get("samples/titanic.csv");
        String theirs = mine.replace("/" + NS + "/", "/" + NS_B + "/");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        var own = http.send(
                java.net.http.HttpRequest.newBuilder(URI.create(mine)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var other = http.send(
                java.net.http.HttpRequest.newBuilder(URI.create(theirs)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var unsigned = http.send(
                java.net.http.HttpRequest.newBuilder(URI.create(theirs.substring(0, theirs.indexOf('?'))))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String writeMine = grant.write().get("titanic/report.html");
        var overwriteTheirs = http.send(
                java.net.http.HttpRequest.newBuilder(URI.create(writeMine.replace("/" + NS + "/", "/" + NS_B + "/")))
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        System.out.println(
                "own source with its URL: HTTP " + own.statusCode() + "; the other namespace's object with it: HTTP "
                        + other.statusCode() + "; without a signature: HTTP " + unsigned.statusCode()
                        + "; its PUT URL pointed at the other namespace: HTTP " + overwriteTheirs.statusCode());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("Lyon");
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(overwriteTheirs.statusCode()).isEqualTo(403);

        try (RedisClient asRunner = RedisClient.builder()
                .fromURI(seen.get("assay-runtime/ASSAY_REDIS_URL"))
                .build()) {
            assertThat(asRunner.get(TaskScope.namespace(NS).statusKeys("assay:").task("titanic")))
                    .contains("\"rows\":891");
            String theirKey = TaskScope.namespace(NS_B).statusKeys("assay:").task("titanic");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> asRunner.get(theirKey))
                    .hasMessageContaining("NOPERM");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> asRunner.set(theirKey, "{}"))
                    .hasMessageContaining("NOPERM");
            System.out.println("the pod's Redis user on " + theirKey + ": NOPERM");
        }
    }

    @Test
    @Order(5)
    void aRunThatCannotBeScheduledIsPendingWithTheSchedulersReason() {
        DatasetJob huge = Resources.datasetJob(NS, "huge", "samples/titanic.csv");
        huge.setSpec(new DatasetJobSpec(
                "samples/titanic.csv",
                "csv",
                true,
                new ResourceRequirementsBuilder()
                        .addToRequests("memory", new Quantity("1Ti"))
                        .addToLimits("memory", new Quantity("1Ti"))
                        .build(),
                null));
        client.resource(huge).create();

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            DatasetJob job = client.resources(DatasetJob.class)
                    .inNamespace(NS)
                    .withName("huge")
                    .get();
            return job.getStatus() != null
                    && job.getStatus().message() != null
                    && job.getStatus().message().startsWith("Unschedulable");
        });
        DatasetJob pending = client.resources(DatasetJob.class)
                .inNamespace(NS)
                .withName("huge")
                .get();
        assertThat(pending.getStatus().phase()).isEqualTo(Phase.Pending);
        assertThat(pending.getStatus().message()).contains("Insufficient memory");
        System.out.println("unschedulable: " + pending.getStatus().phase() + " — "
                + pending.getStatus().message());
        client.resource(pending).delete();
    }

    @Test
    @Order(6)
    void aMissingSourceFailsOnceWithItsRealMessageAndNoRetry() {
        client.resource(Resources.datasetJob(NS, "missing", "samples/x.csv")).create();

        DatasetJob done = finished(NS, "missing");

        assertThat(done.getStatus().phase()).isEqualTo(Phase.Failed);
        assertThat(done.getStatus().message())
                .startsWith("source 'samples/x.csv' does not exist in bucket 'assay'")
                .doesNotContain("server log");
        assertThat(done.getStatus().conditions())
                .filteredOn(c -> c.type().equals("Failed"))
                .singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("SourceMissing"));
        assertThat(client.batch()
                        .v1()
                        .jobs()
                        .inNamespace(NS)
                        .withLabel("assay.dev/dataset-job", "missing")
                        .list()
                        .getItems())
                .as("one Job")
                .hasSize(1);
        assertThat(client.pods()
                        .inNamespace(NS)
                        .withLabel("assay.dev/dataset-job", "missing")
                        .list()
                        .getItems())
                .as("one pod: no retry")
                .hasSize(1);
        System.out.println("missing source: " + done.getStatus().phase() + " — "
                + done.getStatus().message());
    }

    @Test
    @Order(7)
    void kubectlDescribeListsTheOperatorsEvents() throws Exception {
        Process describe = new ProcessBuilder(
                        "kubectl",
                        "--kubeconfig",
                        HOME.resolve("kubeconfig").toString(),
                        "describe",
                        "datasetjob",
                        "missing",
                        "-n",
                        NS)
                .redirectErrorStream(true)
                .start();
        String text = new String(describe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(describe.waitFor()).isZero();

        String events = text.substring(text.indexOf("Events:"));
        assertThat(events)
                .contains("JobCreated")
                .contains("SourceMissing")
                .contains("assay-operator")
                .doesNotContain("<none>");
        System.out.println(events);

        // kubectl explain describes the kind, its spec and its status (not "<empty>").
        for (String what : List.of("datasetjob", "assistantrun.spec", "assistantrun.status.warnings")) {
            Process explain = new ProcessBuilder(
                            "kubectl",
                            "--kubeconfig",
                            HOME.resolve("kubeconfig").toString(),
                            "explain",
                            what)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(explain.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(explain.waitFor()).as(out).isZero();
            assertThat(out).contains("DESCRIPTION:").doesNotContain("<empty>");
            System.out.println("kubectl explain " + what + ":\n"
                    + out.lines().limit(8).collect(java.util.stream.Collectors.joining("\n")));
        }
    }

    private static String runnerRedisUrl(String ns) {
        URI url = URI.create(redisKeys);
        return "redis://runner-" + ns + ":pw-" + ns + "@" + url.getHost() + ":" + url.getPort();
    }

    private static DatasetJob finished(String ns, String name) {
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            DatasetJob job = client.resources(DatasetJob.class)
                    .inNamespace(ns)
                    .withName(name)
                    .get();
            return job.getStatus() != null
                    && job.getStatus().phase() != null
                    && job.getStatus().phase().finished();
        });
        return client.resources(DatasetJob.class).inNamespace(ns).withName(name).get();
    }

    private static boolean ready(Node node) {
        return node.getStatus() != null
                && node.getStatus().getConditions() != null
                && node.getStatus().getConditions().stream()
                        .anyMatch(c ->
                                c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    /**
     * The pod bridge exists once a pod has been wired to it, so a pause pod (the node's sandbox image) is
     * started first; the bridge's IPv4 address is then the host as the pods see it.
     */
    private static String bridgeAddress() throws Exception {
        client.pods()
                .inNamespace(NS)
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName("bridge")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("pause")
                        .withImage("localhost/assay/pause:1")
                        .withImagePullPolicy("Never")
                        .endContainer()
                        .withAutomountServiceAccountToken(false)
                        .endSpec()
                        .build())
                .create();
        client.pods()
                .inNamespace(NS)
                .withName("bridge")
                .waitUntilCondition(
                        pod -> pod != null && "Running".equals(pod.getStatus().getPhase()), 2, TimeUnit.MINUTES);
        NetworkInterface bridge = NetworkInterface.getByName("cni-assay0");
        assertThat(bridge).as("the node's pod bridge cni-assay0").isNotNull();
        return bridge.inetAddresses()
                .filter(Inet4Address.class::isInstance)
                .map(InetAddress::getHostAddress)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("cni-assay0 has no IPv4 address"));
    }

    private static void run(Map<String, String> env, String script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of("bash", SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(
                        ROOT.resolve("operator/target/node-it-cluster.log").toString())));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(
                    script + " " + String.join(" ", args) + " failed; see operator/target/node-it-cluster.log");
        }
    }
}
