package dev.assay.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.common.Phase;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.operator.health.OperatorMetrics;
import dev.assay.operator.results.RunnerResults;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.S3ArtifactStore;
import dev.assay.runner.storage.S3Settings;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodBuilder;
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

/**
 * The whole path on a real node: the workplace's Kubernetes 1.20 with containerd and kubelet, the runner image
 * built by Jib and imported, Redis and an S3 server (s3proxy) on the host's address where the pod can reach them.
 * A DatasetJob for Titanic and an AssistantRun with the seed's plan run as real pods, and their results reach
 * the custom resources' status.
 */
@EnabledIfSystemProperty(named = "assay.k8s.enabled", matches = "true",
        disabledReason = "needs the Kubernetes 1.20 binaries of shared/k8s: run with -Pk8s, as .ci/run does")
@EnabledIfEnvironmentVariable(named = "ASSAY_K8S_SCRIPTS", matches = ".+",
        disabledReason = "needs shared/k8s/cluster.sh to start a node (ASSAY_K8S_SCRIPTS, set by .ci/run)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunnerOnNodeK8sIT {

    private static final String NS = "node-it";
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final Path SCRIPTS = Path.of(System.getenv().getOrDefault("ASSAY_K8S_SCRIPTS", "."));
    private static final Path HOME = Path.of(System.getenv().getOrDefault("ASSAY_K8S_HOME", "/var/cache/assay-k8s"));
    private static final Path ROOT = Path.of(System.getProperty("assay.repo.root", ".."));

    private static KubernetesClient client;
    private static Process redis;
    private static S3Proxy s3;
    private static Operator operator;

    @BeforeAll
    static void startNode() throws Exception {
        Path image = ROOT.resolve("runner-image/target/jib-image.tar");
        assertThat(image).as("the runner image (scripts/build-images.sh; .ci/run builds it)").isRegularFile();
        run(Map.of(), "cluster.sh", "stop");
        run(Map.of("WITH_NODE", "1"), "cluster.sh", "start");
        run(Map.of(), "import-image.sh", image.toAbsolutePath().toString());
        client = OperatorMain.client(Config.fromKubeconfig(Files.readString(HOME.resolve("kubeconfig"))));
        RealApiServer.installCrds(client);
        await().atMost(Duration.ofMinutes(2)).until(() -> client.nodes().list().getItems().stream().anyMatch(RunnerOnNodeK8sIT::ready));
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
        await().atMost(Duration.ofMinutes(1)).until(() ->
                client.serviceAccounts().inNamespace(NS).withName("default").get() != null);
        String host = bridgeAddress();

        // Services the pods reach at the host's end of their bridge: the node has no DNS, no kube-proxy and no
        // default route, so this is the one host address a pod can reach.
        int redisPort = 6391;
        redis = new ProcessBuilder("redis-server", "--port", String.valueOf(redisPort), "--bind", host, "--save", "",
                "--appendonly", "no", "--protected-mode", "no").redirectErrorStream(true)
                .redirectOutput(ROOT.resolve("operator/target/node-it-redis.log").toFile()).start();
        s3 = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(URI.create("http://" + host + ":0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "assay-node", "assay-node-secret").build();
        s3.start();
        while (!s3.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
        String redisUrl = "redis://" + host + ":" + redisPort;
        S3Settings s3Settings = new S3Settings("http://" + host + ":" + s3.getPort(), "assay", "assay-node",
                "assay-node-secret", null);
        ArtifactStore store = S3ArtifactStore.connect(s3Settings);
        store.put("samples/titanic.csv", ROOT.resolve("examples/datasets/titanic.csv"), "text/csv");

        client.serviceAccounts().inNamespace(NS).resource(new ServiceAccountBuilder().withNewMetadata()
                .withName("assay-runner").endMetadata().withAutomountServiceAccountToken(false).build()).create();
        client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("assay-runtime").endMetadata()
                .withStringData(Map.of("ASSAY_REDIS_URL", redisUrl, "ASSAY_S3_ENDPOINT", s3Settings.endpoint(),
                        "ASSAY_S3_BUCKET", "assay", "ASSAY_S3_ACCESS_KEY", "assay-node", "ASSAY_S3_SECRET_KEY", "assay-node-secret"))
                .build()).create();

        OperatorSettings defaults = OperatorSettings.fromEnvironment(Map.of());
        OperatorSettings settings = new OperatorSettings("assay/runner:" + System.getProperty("assay.version", "0.1.0-SNAPSHOT"),
                Optional.of("assay-runner"), Optional.of("assay-runtime"), Set.of(NS), Optional.of(redisUrl), "assay:", NS, 0,
                false, defaults.defaults());
        operator = OperatorMain.create(client, settings, new RunnerResults(Optional.of(redisUrl), "assay:"),
                new OperatorMetrics(), true);
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
        client.resource(Resources.datasetJob(NS, "titanic", "samples/titanic.csv")).create();

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            DatasetJob job = client.resources(DatasetJob.class).inNamespace(NS).withName("titanic").get();
            return job.getStatus() != null && job.getStatus().phase() != null && job.getStatus().phase().finished();
        });
        DatasetJob done = client.resources(DatasetJob.class).inNamespace(NS).withName("titanic").get();
        assertThat(done.getStatus().phase()).as(done.getStatus().toString()).isEqualTo(Phase.Succeeded);
        assertThat(done.getStatus().rows()).isEqualTo(891);
        assertThat(done.getStatus().columns()).isEqualTo(12);
    }

    @Test
    @Order(2)
    void anAssistantRunTrainsTheSeedModelInARealPod() {
        client.resource(Resources.assistantRun(NS, "seed", "titanic", Resources.SEED_PLAN)).create();

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            AssistantRun run = client.resources(AssistantRun.class).inNamespace(NS).withName("seed").get();
            return run.getStatus() != null && run.getStatus().phase() != null && run.getStatus().phase().finished();
        });
        AssistantRun done = client.resources(AssistantRun.class).inNamespace(NS).withName("seed").get();
        assertThat(done.getStatus().phase()).as(done.getStatus().toString()).isEqualTo(Phase.Succeeded);
        assertThat(done.getStatus().actionsApplied()).isEqualTo(3);
        assertThat(done.getStatus().model().algorithm()).isEqualTo("random_forest");
        assertThat(done.getStatus().model().score()).isGreaterThan(done.getStatus().model().baseline());
        assertThat(done.getStatus().score()).startsWith("accuracy 0.");
    }

    private static boolean ready(Node node) {
        return node.getStatus() != null && node.getStatus().getConditions() != null && node.getStatus().getConditions()
                .stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    /**
     * The pod bridge exists once a pod has been wired to it, so a pause pod (the node's sandbox image) is
     * started first; the bridge's IPv4 address is then the host as the pods see it.
     */
    private static String bridgeAddress() throws Exception {
        client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("bridge").endMetadata()
                .withNewSpec().addNewContainer().withName("pause").withImage("localhost/assay/pause:1")
                .withImagePullPolicy("Never").endContainer().withAutomountServiceAccountToken(false).endSpec().build())
                .create();
        client.pods().inNamespace(NS).withName("bridge").waitUntilCondition(
                pod -> pod != null && "Running".equals(pod.getStatus().getPhase()), 2, TimeUnit.MINUTES);
        NetworkInterface bridge = NetworkInterface.getByName("cni-assay0");
        assertThat(bridge).as("the node's pod bridge cni-assay0").isNotNull();
        return bridge.inetAddresses().filter(Inet4Address.class::isInstance).map(InetAddress::getHostAddress)
                .findFirst().orElseThrow(() -> new IllegalStateException("cni-assay0 has no IPv4 address"));
    }

    private static void run(Map<String, String> env, String script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(ROOT.resolve("operator/target/node-it-cluster.log").toString())));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(script + " " + String.join(" ", args) + " failed; see operator/target/node-it-cluster.log");
        }
    }
}
