package dev.assay.operator;

import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.datasetjob.DatasetJob;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Kubernetes 1.20 API server (kube-api-test, offline, from the workplace's shared/k8s build) with the
 * CRDs generated from model/ installed: what the operator meets in a cluster, minus the controllers.
 */
public final class RealApiServer implements AutoCloseable {

    final KubeAPIServer server;
    final KubernetesClient client;

    private RealApiServer(KubeAPIServer server, KubernetesClient client) {
        this.server = server;
        this.client = client;
    }

    static RealApiServer start(String... namespaces) throws IOException {
        String home = System.getenv().getOrDefault("ASSAY_K8S_HOME", "/var/cache/assay-k8s");
        KubeAPIServer server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(home + "/kube-api-test")
                .withOfflineMode(true)
                .withApiServerVersion("1.20.2")
                .withApiServerFlag("--insecure-port", "0")
                .build());
        server.start();
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(server.getKubeConfigYaml()))
                .build();
        installCrds(client);
        for (String namespace : namespaces) {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .create();
        }
        return new RealApiServer(server, client);
    }

    /** Installs the CRDs generated from model/ and waits until the server serves them. */
    public static void installCrds(KubernetesClient client) throws IOException {
        Path crds = Path.of(
                System.getProperty("assay.repo.root", ".."), "model", "target", "classes", "META-INF", "fabric8");
        for (Class<?> kind : new Class<?>[] {DatasetJob.class, AssistantRun.class}) {
            String file = (kind == DatasetJob.class ? "datasetjobs" : "assistantruns") + ".assay.dev-v1.yml";
            try (InputStream in = Files.newInputStream(crds.resolve(file))) {
                CustomResourceDefinition crd = client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .load(in)
                        .item();
                client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .resource(crd)
                        .create();
                client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName(crd.getMetadata().getName())
                        .waitUntilCondition(
                                c -> c.getStatus() != null
                                        && c.getStatus().getConditions() != null
                                        && c.getStatus().getConditions().stream()
                                                .anyMatch(x -> x.getType().equals("Established")
                                                        && x.getStatus().equals("True")),
                                30,
                                TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }
}
