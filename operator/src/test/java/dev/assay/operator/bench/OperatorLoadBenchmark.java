package dev.assay.operator.bench;

import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.common.Phase;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.operator.OperatorMain;
import dev.assay.operator.RealApiServer;
import dev.assay.operator.health.OperatorMetrics;
import dev.assay.operator.jobs.OperatorSettings;
import dev.assay.operator.results.RunnerResults;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.javaoperatorsdk.operator.Operator;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Load benchmark (not a test): 500 AssistantRuns created at once against a real Kubernetes 1.20 API server;
 * prints p50/p99 of the time from each resource's creation to its Job's creation, and the operator's heap.
 * Run: scripts/bench-operator.sh (needs the shared/k8s binaries).
 */
public final class OperatorLoadBenchmark {

    private static final String NS = "bench";

    private OperatorLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        String home = System.getenv().getOrDefault("ASSAY_K8S_HOME", "/var/cache/assay-k8s");
        KubeAPIServer server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(home + "/kube-api-test")
                .withOfflineMode(true)
                .withApiServerVersion("1.20.2")
                .withApiServerFlag("--insecure-port", "0")
                .build());
        server.start();
        Config config = Config.fromKubeconfig(server.getKubeConfigYaml());
        // The load generator and the operator use separate clients, as separate processes would.
        config.setMaxConcurrentRequestsPerHost(64);
        KubernetesClient load = new KubernetesClientBuilder().withConfig(config).build();
        KubernetesClient operatorClient = OperatorMain.client(Config.fromKubeconfig(server.getKubeConfigYaml()));
        Operator operator = null;
        try {
            RealApiServer.installCrds(load);
            load.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(NS)
                            .endMetadata()
                            .build())
                    .create();
            // With an object store to sign for, as installed: each run's access Secret (presigned URLs) is created
            // before its Job, so the figures include that write. Signing is local; nothing listens at the endpoint.
            OperatorSettings settings = OperatorSettings.fromEnvironment(Map.of(
                    "ASSAY_OPERATOR_NAMESPACE",
                    NS,
                    "ASSAY_LEADER_ELECTION",
                    "false",
                    "ASSAY_S3_ENDPOINT",
                    "http://assay-minio.assay.svc:9000",
                    "ASSAY_S3_ACCESS_KEY",
                    "bench",
                    "ASSAY_S3_SECRET_KEY",
                    "bench-secret"));
            operator = OperatorMain.create(operatorClient, settings, RunnerResults.none(), new OperatorMetrics(), true);
            operator.start();

            DatasetJob dataset = new DatasetJob();
            dataset.setMetadata(new ObjectMetaBuilder()
                    .withName("titanic")
                    .withNamespace(NS)
                    .build());
            dataset.setSpec(
                    new dev.assay.model.crd.datasetjob.DatasetJobSpec("samples/titanic.csv", "csv", true, null, null));
            load.resource(dataset).create();
            waitFor(() -> load.batch()
                            .v1()
                            .jobs()
                            .inNamespace(NS)
                            .withName("titanic-profile")
                            .get()
                    != null);
            Job profile = load.batch()
                    .v1()
                    .jobs()
                    .inNamespace(NS)
                    .withName("titanic-profile")
                    .get();
            profile.setStatus(new JobStatusBuilder()
                    .withStartTime("2026-11-24T00:00:00Z")
                    .withCompletionTime("2026-11-24T00:00:01Z")
                    .withConditions(new JobConditionBuilder()
                            .withType("Complete")
                            .withStatus("True")
                            .build())
                    .build());
            load.batch().v1().jobs().inNamespace(NS).resource(profile).updateStatus();
            waitFor(() -> {
                DatasetJob d = load.resources(DatasetJob.class)
                        .inNamespace(NS)
                        .withName("titanic")
                        .get();
                return d.getStatus() != null && d.getStatus().phase() == Phase.Succeeded;
            });

            Map<String, Long> created = new ConcurrentHashMap<>();
            Map<String, Long> jobSeen = new ConcurrentHashMap<>();
            CountDownLatch allJobs = new CountDownLatch(runs);
            Watch watch = load.batch().v1().jobs().inNamespace(NS).watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, Job job) {
                    String name = job.getMetadata().getName();
                    if (action == Action.ADDED
                            && name.endsWith("-run")
                            && jobSeen.putIfAbsent(name, System.nanoTime()) == null) {
                        allJobs.countDown();
                    }
                }

                @Override
                public void onClose(WatcherException cause) {}
            });
            String plan = """
                    {"explanation": "x", "actions": [{"type": "impute", "params": {"strategy": "median", "columns": []}},
                      {"type": "train_model", "params": {"target": "Survived", "model": "random_forest"}}]}""";
            ExecutorService creators = Executors.newFixedThreadPool(16);
            List<java.util.concurrent.Future<?>> submitted = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                String name = String.format("run-%04d", i);
                submitted.add(creators.submit(() -> {
                    AssistantRun run = new AssistantRun();
                    run.setMetadata(new ObjectMetaBuilder()
                            .withName(name)
                            .withNamespace(NS)
                            .build());
                    run.setSpec(new dev.assay.model.crd.assistantrun.AssistantRunSpec(
                            "titanic", dev.assay.model.plan.validation.PlanReader.read(plan), null, null, null, null));
                    load.resource(run).create();
                    created.put(name + "-run", System.nanoTime());
                    return null;
                }));
            }
            creators.shutdown();
            for (java.util.concurrent.Future<?> future : submitted) {
                future.get();
            }
            boolean done = allJobs.await(3, TimeUnit.MINUTES);
            long wall = System.nanoTime() - start;
            watch.close();

            List<Long> latencies = new ArrayList<>();
            for (Map.Entry<String, Long> entry : jobSeen.entrySet()) {
                Long at = created.get(entry.getKey());
                if (at != null) {
                    latencies.add(Math.max(0, entry.getValue() - at));
                }
            }
            latencies.sort(Long::compare);

            // The API server's own pace on this machine: the same client creates as many bare Jobs the same way.
            load.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(NS + "-bare")
                            .endMetadata()
                            .build())
                    .create();
            ExecutorService bare = Executors.newFixedThreadPool(16);
            List<java.util.concurrent.Future<?>> bareJobs = new ArrayList<>();
            long bareStart = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                String name = String.format("bare-%04d", i);
                bareJobs.add(bare.submit(() -> load.batch()
                        .v1()
                        .jobs()
                        .inNamespace(NS + "-bare")
                        .resource(new JobBuilder()
                                .withNewMetadata()
                                .withName(name)
                                .endMetadata()
                                .withNewSpec()
                                .withBackoffLimit(0)
                                .withNewTemplate()
                                .withNewSpec()
                                .withRestartPolicy("Never")
                                .addNewContainer()
                                .withName("c")
                                .withImage("localhost/busybox:1.35")
                                .endContainer()
                                .endSpec()
                                .endTemplate()
                                .endSpec()
                                .build())
                        .create()));
            }
            bare.shutdown();
            for (java.util.concurrent.Future<?> future : bareJobs) {
                future.get();
            }
            long bareWall = System.nanoTime() - bareStart;
            System.gc();
            Thread.sleep(500);
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(
                    "AssistantRuns created: %d, Jobs created: %d%s, in %.1f s%n",
                    created.size(), jobSeen.size(), done ? "" : " (timed out)", wall / 1e9);
            System.out.printf(
                    "CR creation -> Job creation: p50 %d ms, p99 %d ms, max %d ms%n",
                    ms(percentile(latencies, 0.5)),
                    ms(percentile(latencies, 0.99)),
                    ms(latencies.isEmpty() ? 0 : latencies.getLast()));
            System.out.printf(
                    "%d bare Jobs by the same client: %.1f s; AssistantRuns to all Jobs / bare Jobs: %.2f%n",
                    runs, bareWall / 1e9, (double) wall / bareWall);
            System.out.printf(
                    "heap used after GC: %d MB (operator and load generator in one JVM, -Xmx%d MB)%n",
                    heap / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        } finally {
            if (operator != null) {
                operator.stop();
            }
            load.close();
            operatorClient.close();
            server.stop();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }

    private static long percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
