package dev.assay.operator;

import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.assistantrun.AssistantRunStatus;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.crd.datasetjob.DatasetJobStatus;
import dev.assay.operator.assistantrun.AssistantRunReconciler;
import dev.assay.operator.assistantrun.AssistantRunWorkload;
import dev.assay.operator.datasetjob.DatasetJobReconciler;
import dev.assay.operator.datasetjob.DatasetJobWorkload;
import dev.assay.operator.health.HealthServer;
import dev.assay.operator.health.OperatorMetrics;
import dev.assay.operator.jobs.RunnerJobs;
import dev.assay.operator.lifecycle.Lifecycle;
import dev.assay.operator.results.RunnerResults;
import dev.assay.operator.status.StatusWriter;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator: watches DatasetJobs and AssistantRuns in its namespaces and turns each into one batch/v1 Job
 * running the runner image. Created by hand (not by a framework starter) so it runs on any Kubernetes client
 * configuration: in a pod it uses its service account; elsewhere, the kubeconfig.
 */
public final class OperatorMain {

    private static final Logger log = LoggerFactory.getLogger(OperatorMain.class);
    /** Reconciliations wait mostly on the API server, so more threads than cores pay off. */
    private static final int RECONCILERS = 32;

    private OperatorMain() {
    }

    public static void main(String[] args) throws Exception {
        OperatorSettings settings = OperatorSettings.fromEnvironment(System.getenv());
        KubernetesClient client = client(Config.autoConfigure(null));
        OperatorMetrics metrics = new OperatorMetrics();
        RunnerResults results = new RunnerResults(settings.redisUrl(), settings.redisKeyPrefix());
        Operator operator = create(client, settings, results, metrics, true);
        HealthServer health = HealthServer.start(settings.healthPort(), operator, metrics);
        log.info("starting with {}", settings);
        operator.installShutdownHook(Duration.ofSeconds(10));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            health.close();
            results.close();
        }));
        operator.start();
    }

    /**
     * A client sized for bursts: fabric8 allows 5 concurrent requests per host by default, which would queue
     * hundreds of resources created at once behind each other.
     */
    public static KubernetesClient client(Config config) {
        config.setMaxConcurrentRequests(256);
        config.setMaxConcurrentRequestsPerHost(128);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /**
     * The operator with both controllers registered, not started.
     *
     * @param serverSideApply false against the fabric8 mock server, which cannot apply patches
     */
    public static Operator create(KubernetesClient client, OperatorSettings settings, RunnerResults results,
                                  OperatorMetrics metrics, boolean serverSideApply) {
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(client).withMetrics(metrics).withUseSSAToPatchPrimaryResource(serverSideApply)
                    .withCloseClientOnStop(false).withConcurrentReconciliationThreads(RECONCILERS);
            if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(new LeaderElectionConfiguration("assay-operator", settings.namespace()));
            }
        });
        Clock clock = Clock.systemUTC();
        StatusWriter statuses = new StatusWriter(client);
        RunnerJobs jobs = new RunnerJobs(settings);
        Duration poll = settings.defaults().pollInterval();
        Lifecycle<DatasetJob, DatasetJobStatus> datasets = new Lifecycle<>(new DatasetJobWorkload(jobs), client, results,
                statuses, clock, poll);
        Lifecycle<AssistantRun, AssistantRunStatus> runs = new Lifecycle<>(new AssistantRunWorkload(jobs, client), client,
                results, statuses, clock, poll);
        operator.register(new DatasetJobReconciler(datasets), c -> c.settingNamespaces(settings.watchNamespaces())
                .withRetry(GenericRetry.defaultLimitedExponentialRetry()));
        operator.register(new AssistantRunReconciler(runs), c -> c.settingNamespaces(settings.watchNamespaces())
                .withRetry(GenericRetry.defaultLimitedExponentialRetry()));
        return operator;
    }
}
